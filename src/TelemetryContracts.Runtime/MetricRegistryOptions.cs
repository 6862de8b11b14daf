namespace TelemetryContracts.Runtime;

/// <summary>Options of a <see cref="MetricRegistry"/>.</summary>
public sealed class MetricRegistryOptions
{
    /// <summary>Default series cap per family (2000); a family may set its own when created.</summary>
    public int SeriesLimit { get; set; } = 2000;

    /// <summary>
    /// Name of the System.Diagnostics.Metrics <see cref="System.Diagnostics.Metrics.Meter"/> that mirrors this
    /// registry's families, so MeterListeners (dotnet-counters, OpenTelemetry) see them under the same names;
    /// null turns the mirror off.
    /// </summary>
    public string? MeterName { get; set; } = "TelemetryContracts";

    /// <summary>
    /// Other meters whose instruments are exported too (e.g. <c>Microsoft.AspNetCore.Hosting</c> for
    /// <c>http.server.request.duration</c>), translated to Prometheus names as OpenTelemetry's Prometheus exporter
    /// does. An entry ending in <c>*</c> matches by prefix.
    /// </summary>
    public IList<string> BridgedMeters { get; } = new List<string>();

    /// <summary>
    /// When set, only meters whose <see cref="System.Diagnostics.Metrics.Meter.Scope"/> is this object (the host's
    /// <c>IMeterFactory</c>) or null are bridged, so two hosts in one process (tests, multi-host workers) do not
    /// export each other's ASP.NET Core instruments. <c>AddTelemetryMetrics</c> sets it to the DI container's factory.
    /// </summary>
    public object? BridgedMeterScope { get; set; }
}
