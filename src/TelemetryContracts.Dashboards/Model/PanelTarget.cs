using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards.Model;

/// <summary>One query of a panel (or an annotation or a variable), with its resolved datasource.</summary>
public sealed record PanelTarget
{
    /// <summary>The target's refId (A, B, …); synthesised as the index when missing in old dashboards.</summary>
    public string RefId { get; init; } = "";

    /// <summary>The query text (<c>expr</c>, or <c>query</c>/<c>target</c> for other datasources); null when none.</summary>
    public string? Expr { get; init; }

    /// <summary>The datasource after falling back to the panel's and the dashboard default.</summary>
    public DatasourceRef Datasource { get; init; } = DatasourceResolver.DefaultPrometheus;

    /// <summary>The resolved query language.</summary>
    public DatasourceKind Kind => Datasource.Kind;

    /// <summary>Hidden targets are still sent by Grafana for expressions that reference them, so they are still checked.</summary>
    public bool Hide { get; init; }

    /// <summary>True when the target is an instant query (a different evaluation, same names).</summary>
    public bool Instant { get; init; }

    /// <summary>The legend format, which may reference labels (<c>{{pod}}</c>).</summary>
    public string? LegendFormat { get; init; }

    /// <summary>JSON path, e.g. <c>panels[3].targets[0]</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Where the expression string starts in the file (its opening quote).</summary>
    public SourcePosition ExprPosition { get; init; }

    /// <summary>Whether the expression string contains JSON escapes (offsets inside it do not map 1:1 to columns).</summary>
    public bool ExprIsEscaped { get; init; }
}
