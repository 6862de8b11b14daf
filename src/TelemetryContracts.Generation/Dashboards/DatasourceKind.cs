namespace TelemetryContracts.Generation.Dashboards;

/// <summary>Which datasource a generated query runs against.</summary>
public enum DatasourceKind
{
    /// <summary>PromQL against the Prometheus datasource (template variable <c>$prometheus</c>).</summary>
    Prometheus,

    /// <summary>LogQL against the Loki datasource (template variable <c>$loki</c>).</summary>
    Loki,
}
