using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards.Model;

/// <summary>
/// A panel anywhere in the dashboard: top level, inside a collapsed row (<c>panels[3].panels[1]</c>), inside a
/// legacy row (<c>rows[0].panels[2]</c>). Rows are panels too, so a row-level repeat is visible.
/// </summary>
public sealed record Panel
{
    /// <summary>The panel id; null in some very old or hand-written files.</summary>
    public int? Id { get; init; }

    /// <summary>The title, empty when untitled.</summary>
    public string Title { get; init; } = "";

    /// <summary>The panel plugin type (<c>timeseries</c>, <c>graph</c>, <c>row</c>, …).</summary>
    public string Type { get; init; } = "";

    /// <summary>Grid position (schema 16+).</summary>
    public GridPos? GridPos { get; init; }

    /// <summary>JSON path of the panel.</summary>
    public string Path { get; init; } = "";

    /// <summary>Where the panel object starts.</summary>
    public SourcePosition Position { get; init; }

    /// <summary>The panel-level datasource (null when the panel has none, e.g. rows).</summary>
    public DatasourceRef? Datasource { get; init; }

    /// <summary>The queries.</summary>
    public IReadOnlyList<PanelTarget> Targets { get; init; } = Array.Empty<PanelTarget>();

    /// <summary>The library panel this panel instantiates, when it is one.</summary>
    public LibraryPanelRef? LibraryPanel { get; init; }

    /// <summary>The variable this panel (or row) repeats over.</summary>
    public string? Repeat { get; init; }

    /// <summary>True for a copy Grafana saved while a repeat was expanded (<c>repeatPanelId</c>/<c>repeatIteration</c>); its targets duplicate the source panel's.</summary>
    public bool IsRepeatClone { get; init; }

    /// <summary>True for a row panel (<c>type: row</c>) or a legacy row.</summary>
    public bool IsRow { get; init; }

    /// <summary>True for a collapsed row, whose children are nested in it.</summary>
    public bool Collapsed { get; init; }

    /// <summary>The title of the row containing this panel, when any.</summary>
    public string? RowTitle { get; init; }

    /// <summary>Human label used in findings: <c>panels[3] #12 "Title"</c>.</summary>
    public string Describe() => $"{Path}{(Id is { } id ? $" #{id}" : "")} \"{Title}\"";
}
