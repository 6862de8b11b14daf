namespace TelemetryContracts.Checks.Http;

/// <summary>The four links of the pipeline a check can talk to.</summary>
public enum BackendKind
{
    /// <summary>The service's own /metrics endpoint.</summary>
    MetricsEndpoint,
    /// <summary>Prometheus, or a Prometheus-compatible query API (Mimir, VictoriaMetrics) possibly under a prefix.</summary>
    Prometheus,
    /// <summary>Grafana Loki.</summary>
    Loki,
    /// <summary>Grafana.</summary>
    Grafana,
}
