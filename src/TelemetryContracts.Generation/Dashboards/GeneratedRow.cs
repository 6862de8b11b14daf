namespace TelemetryContracts.Generation.Dashboards;

/// <summary>A dashboard row: a titled group of panels (scrape health, one per metric area, logs, SLOs).</summary>
/// <param name="Id">Row panel id.</param>
/// <param name="Title">Row title.</param>
/// <param name="Panels">Panels in the row, left to right, top to bottom.</param>
public sealed record GeneratedRow(int Id, string Title, IReadOnlyList<GeneratedPanel> Panels);
