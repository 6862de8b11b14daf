namespace TelemetryContracts.Dashboards.Model;

/// <summary>A reference to a library panel; its queries live in Grafana, not in the dashboard file.</summary>
public sealed record LibraryPanelRef(string? Uid, string? Name);
