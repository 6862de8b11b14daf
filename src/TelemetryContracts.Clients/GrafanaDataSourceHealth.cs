namespace TelemetryContracts.Clients;

/// <summary>
/// <c>/api/datasources/uid/&lt;uid&gt;/health</c>: Grafana asks the data source's backend. A failing backend is a value
/// (<see cref="IsHealthy"/> false, Grafana answers 400 with <c>"status":"ERROR"</c>), not a client failure.
/// </summary>
/// <param name="Status"><c>OK</c> or <c>ERROR</c>.</param>
/// <param name="Message">Grafana's message, e.g. <c>Successfully queried the Prometheus API.</c></param>
public sealed record GrafanaDataSourceHealth(string Status, string Message)
{
    /// <summary>True when the status is <c>OK</c>.</summary>
    public bool IsHealthy => string.Equals(Status, "OK", StringComparison.OrdinalIgnoreCase);
}
