namespace TelemetryContracts.Dashboards.Model;

/// <summary>A dashboard as read from one file; always returned, even for a broken file (then with errors).</summary>
public sealed record Dashboard
{
    /// <summary>The file the dashboard was read from.</summary>
    public string FilePath { get; init; } = "";

    /// <summary>The dashboard title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The dashboard UID.</summary>
    public string? Uid { get; init; }

    /// <summary>The schema version; null when absent (very old or wrapped exports).</summary>
    public int? SchemaVersion { get; init; }

    /// <summary>Every panel in document order, rows included, nested panels after their row.</summary>
    public IReadOnlyList<Panel> Panels { get; init; } = Array.Empty<Panel>();

    /// <summary>The template variables.</summary>
    public IReadOnlyList<TemplateVariable> Variables { get; init; } = Array.Empty<TemplateVariable>();

    /// <summary>The annotations.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = Array.Empty<Annotation>();

    /// <summary>Problems met while reading.</summary>
    public IReadOnlyList<DashboardReadError> Errors { get; init; } = Array.Empty<DashboardReadError>();

    /// <summary>True when the file could not be read at all.</summary>
    public bool IsUnreadable => Errors.Any(e => e.IsFatal);

    /// <summary>Every target of every panel, in order.</summary>
    public IEnumerable<(Panel Panel, PanelTarget Target)> AllTargets() =>
        Panels.SelectMany(p => p.Targets.Select(t => (p, t)));
}
