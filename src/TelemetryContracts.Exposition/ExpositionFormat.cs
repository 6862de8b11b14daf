namespace TelemetryContracts.Exposition;

/// <summary>The two text exposition formats a <c>/metrics</c> endpoint can answer with.</summary>
public enum ExpositionFormat
{
    /// <summary>The classic Prometheus text format, <c>text/plain; version=0.0.4</c>.</summary>
    PrometheusText,

    /// <summary>OpenMetrics 1.0.0, <c>application/openmetrics-text; version=1.0.0</c>.</summary>
    OpenMetrics,
}
