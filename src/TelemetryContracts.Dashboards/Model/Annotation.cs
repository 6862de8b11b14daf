namespace TelemetryContracts.Dashboards.Model;

/// <summary>An annotation query (<c>annotations.list[i]</c>); its expression is checked like a target.</summary>
public sealed record Annotation
{
    /// <summary>The annotation's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether it is enabled by default.</summary>
    public bool Enable { get; init; }

    /// <summary>True for Grafana's built-in "Annotations &amp; Alerts" entry.</summary>
    public bool BuiltIn { get; init; }

    /// <summary>The query as a target (refId "Anno"); null when the annotation has no expression.</summary>
    public PanelTarget? Target { get; init; }

    /// <summary>The annotation's datasource.</summary>
    public DatasourceRef Datasource { get; init; } = DatasourceResolver.DefaultPrometheus;

    /// <summary>JSON path, e.g. <c>annotations.list[1]</c>.</summary>
    public string Path { get; init; } = "";
}
