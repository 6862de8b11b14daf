namespace TelemetryContracts.Runtime;

/// <summary>Options of the standalone <see cref="MetricsServer"/>.</summary>
public sealed class MetricsServerOptions
{
    /// <summary>Host to bind: <c>127.0.0.1</c>, <c>localhost</c>, or <c>*</c> for every interface (containers). Default <c>*</c>.</summary>
    public string Host { get; set; } = "*";

    /// <summary>Port; 9464 by default (OpenTelemetry's Prometheus exporter port).</summary>
    public int Port { get; set; } = 9464;

    /// <summary>Path of the endpoint; default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>Optional bearer or basic authentication.</summary>
    public ScrapeAuthOptions Auth { get; set; } = new();
}
