namespace TelemetryContracts.Reporting;

/// <summary>One box of the pipeline drawing (service, /metrics, scrape, Prometheus, datasource, panels; or the log path).</summary>
/// <param name="Id">Stable identifier used by tests and anchors, e.g. <c>metrics-endpoint</c>.</param>
/// <param name="Name">The box title.</param>
/// <param name="Status">Green, amber, red or grey.</param>
/// <param name="Summary">One line under the title.</param>
/// <param name="Evidence">What proves it: the request sent and the answer (never a secret).</param>
public sealed record PipelineStage(string Id, string Name, StageStatus Status, string Summary, string? Evidence = null);
