using TelemetryContracts.Runtime;

namespace TelemetryContracts.AspNetCore;

/// <summary>Options of the endpoint mapped by <see cref="TelemetryMetricsEndpointExtensions.MapTelemetryMetrics"/>.</summary>
public sealed class MetricsEndpointOptions
{
    /// <summary>The registry to expose; null uses the one registered in DI, else <see cref="MetricRegistry.Default"/>.</summary>
    public MetricRegistry? Registry { get; set; }

    /// <summary>Optional bearer or basic authentication (constant-time comparison, 401 with <c>WWW-Authenticate</c>).</summary>
    public ScrapeAuthOptions Auth { get; set; } = new();
}
