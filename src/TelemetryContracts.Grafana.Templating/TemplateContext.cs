namespace TelemetryContracts.Grafana.Templating;

/// <summary>Everything interpolation needs: variables, the time range and interval, and who/where the query runs.</summary>
public sealed record TemplateContext
{
    /// <summary>Dashboard variables by name.</summary>
    public IReadOnlyDictionary<string, TemplateVariable> Variables { get; init; } = new Dictionary<string, TemplateVariable>();

    /// <summary>Default formatting of variables without <c>:format</c>.</summary>
    public InterpolationDialect Dialect { get; init; } = InterpolationDialect.Plain;

    /// <summary>Start of the dashboard time range.</summary>
    public DateTimeOffset From { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of the dashboard time range.</summary>
    public DateTimeOffset To { get; init; } = new(2026, 1, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary><c>$__interval</c> (Grafana computes it from the range and the panel width).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Query step; <c>$__auto</c> of a range query becomes this (Grafana's Loki backend). Null: same as <see cref="Interval"/>.</summary>
    public TimeSpan? Step { get; init; }

    /// <summary>True for an instant query: <c>$__auto</c> then becomes the whole range (<c>3600s</c>).</summary>
    public bool InstantQuery { get; init; }

    /// <summary>Scrape interval of the datasource, used for <c>$__rate_interval</c>.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Dashboard title (<c>$__dashboard</c>).</summary>
    public string DashboardTitle { get; init; } = "";

    /// <summary>Dashboard UID (<c>${__dashboard.uid}</c>).</summary>
    public string DashboardUid { get; init; } = "";

    /// <summary>Organisation id (<c>$__org</c>).</summary>
    public long OrgId { get; init; } = 1;

    /// <summary>Organisation name (<c>${__org.name}</c>).</summary>
    public string OrgName { get; init; } = "Main Org.";

    /// <summary>User id (<c>$__user</c>).</summary>
    public long UserId { get; init; } = 1;

    /// <summary>User login (<c>${__user.login}</c>).</summary>
    public string UserLogin { get; init; } = "admin";

    /// <summary>User email (<c>${__user.email}</c>).</summary>
    public string UserEmail { get; init; } = "admin@localhost";

    /// <summary>
    /// True to replace references to unknown variables (and unknown built-ins) by a stand-in that parses in its position
    /// (<see cref="Placeholders"/>) instead of leaving them as written. Static checks want this: one unknown value should
    /// not turn the whole query into a parse error. Digit-only names (<c>$1</c>) stay as written: they are regex back-references.
    /// </summary>
    public bool PlaceholdersForUnknown { get; init; }

    /// <summary>Series name for <c>$__name</c>; null leaves the reference untouched (it only has a value in legends).</summary>
    public string? SeriesName { get; init; }
}
