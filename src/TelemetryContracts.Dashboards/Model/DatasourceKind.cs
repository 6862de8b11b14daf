namespace TelemetryContracts.Dashboards.Model;

/// <summary>What a target's query language is, after resolving its datasource reference.</summary>
public enum DatasourceKind
{
    /// <summary>Prometheus or a PromQL-compatible backend (Mimir, Cortex, Thanos, VictoriaMetrics).</summary>
    Prometheus,

    /// <summary>Loki (LogQL).</summary>
    Loki,

    /// <summary>Any other plugin (Tempo, Elasticsearch, TestData, the built-in Grafana datasource…): not checked.</summary>
    Other,
}
