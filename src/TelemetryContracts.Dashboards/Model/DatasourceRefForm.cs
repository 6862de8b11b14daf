namespace TelemetryContracts.Dashboards.Model;

/// <summary>How a datasource reference is written in the dashboard JSON.</summary>
public enum DatasourceRefForm
{
    /// <summary>Absent or <c>null</c>/"default": Grafana's default datasource.</summary>
    Default,

    /// <summary>A legacy datasource name string (schema versions before 33).</summary>
    Name,

    /// <summary>An object with a literal <c>uid</c>.</summary>
    Uid,

    /// <summary>A template variable or an import input (<c>$ds</c>, <c>${DS_PROMETHEUS}</c>, <c>[[ds]]</c>).</summary>
    Variable,

    /// <summary>The mixed datasource: each target names its own.</summary>
    Mixed,

    /// <summary>The built-in Grafana datasource (annotations and alerts list); never a metrics query.</summary>
    Grafana,
}
