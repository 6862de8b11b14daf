using TelemetryContracts.Dashboards.Model;

namespace TelemetryContracts.Lint;

/// <summary>Options of a lint run.</summary>
public sealed record LintOptions
{
    /// <summary>Library panels by uid (from exported library panel JSON); a referenced panel found here is checked like an inline one.</summary>
    public IReadOnlyDictionary<string, Panel> LibraryPanels { get; init; } = new Dictionary<string, Panel>();

    /// <summary>Report targets of datasources the lint does not check (Tempo, SQL…) as info findings.</summary>
    public bool ReportUnchecked { get; init; } = true;
}
