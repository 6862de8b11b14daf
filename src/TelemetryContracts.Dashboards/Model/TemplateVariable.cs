using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards.Model;

/// <summary>A dashboard template variable (<c>templating.list[i]</c>).</summary>
public sealed record TemplateVariable
{
    /// <summary>The name used as <c>$name</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The type: query, custom, constant, interval, datasource, textbox, adhoc.</summary>
    public string Type { get; init; } = "";

    /// <summary>The query: for query variables the datasource query (<c>label_values(up, job)</c>), for custom the comma list, for datasource variables the plugin type.</summary>
    public string? Query { get; init; }

    /// <summary>The variable's own datasource (query variables).</summary>
    public DatasourceRef? Datasource { get; init; }

    /// <summary>The values currently selected in the saved dashboard.</summary>
    public IReadOnlyList<string> Current { get; init; } = Array.Empty<string>();

    /// <summary>The saved options (custom variables always have them; query variables sometimes).</summary>
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();

    /// <summary>Multi-value selection allowed.</summary>
    public bool Multi { get; init; }

    /// <summary>An "All" option exists.</summary>
    public bool IncludeAll { get; init; }

    /// <summary>The custom value used for "All" (null: Grafana joins every option).</summary>
    public string? AllValue { get; init; }

    /// <summary>The regex applied to query results.</summary>
    public string? Regex { get; init; }

    /// <summary>JSON path, e.g. <c>templating.list[2]</c>.</summary>
    public string Path { get; init; } = "";

    /// <summary>Where the query string starts (or the variable object when it has no query).</summary>
    public SourcePosition QueryPosition { get; init; }

    /// <summary>Whether the query string contains JSON escapes.</summary>
    public bool QueryIsEscaped { get; init; }
}
