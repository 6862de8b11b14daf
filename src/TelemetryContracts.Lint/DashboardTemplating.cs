using TelemetryContracts.Grafana.Templating;
using DashboardVariable = TelemetryContracts.Dashboards.Model.TemplateVariable;
using GrafanaVariable = TelemetryContracts.Grafana.Templating.TemplateVariable;

namespace TelemetryContracts.Lint;

/// <summary>
/// Turns a saved dashboard's variables into the shared expander's context. What the lint adds is only the reading of
/// the saved dashboard: which values the dashboard fixes (constant, custom, interval) and which it does not know
/// (query variables refresh on load), so those become placeholders that parse and that rules never judge.
/// </summary>
internal sealed class DashboardTemplating
{
    private readonly TemplateContext prometheus;
    private readonly TemplateContext loki;

    public DashboardTemplating(IEnumerable<DashboardVariable> variables)
    {
        var map = new Dictionary<string, GrafanaVariable>(StringComparer.Ordinal);
        foreach (var v in variables)
        {
            if (v.Name.Length > 0)
            {
                map[v.Name] = Convert(v);
            }
        }

        // A one-hour range at a one-minute interval; a one-minute scrape interval makes $__rate_interval 4m, the smallest
        // window rate() accepts for it, so built-ins expand to values every rule treats as ordinary.
        prometheus = new TemplateContext
        {
            Variables = map,
            Dialect = InterpolationDialect.Prometheus,
            ScrapeInterval = TimeSpan.FromMinutes(1),
            PlaceholdersForUnknown = true,
        };
        loki = prometheus with { Dialect = InterpolationDialect.Loki };
    }

    /// <summary>Expands a query of <paramref name="language"/> with the datasource's own formatting of values.</summary>
    public ExpansionResult Expand(string text, QueryLanguage language) =>
        TemplateExpander.Expand(text, language == QueryLanguage.LogQL ? loki : prometheus);

    private static GrafanaVariable Convert(DashboardVariable v)
    {
        var values = ValuesOf(v, out var isAll, out var options);
        if (values is null || values.Count == 0 || values.Any(x => x.Contains('$', StringComparison.Ordinal)))
        {
            // Unknown, or a value built from other variables: no text the lint could stand behind.
            return GrafanaVariable.Placeholder(v.Name);
        }

        return new GrafanaVariable(v.Name, values)
        {
            Multi = v.Multi,
            IncludeAll = v.IncludeAll,
            AllSelected = isAll,
            AllValue = v.AllValue,
            Options = options,
            IsFixed = v.Type is "constant" or "custom" or "interval" && values.Count == 1,
        };
    }

    private static IReadOnlyList<string>? ValuesOf(DashboardVariable v, out bool isAll, out IReadOnlyList<string> options)
    {
        isAll = false;
        options = [];
        switch (v.Type)
        {
            case "constant":
                return v.Query is { } q ? [q] : v.Current;
            case "interval":
                var iv = v.Current.FirstOrDefault() ?? v.Options.FirstOrDefault() ?? v.Query?.Split(',').FirstOrDefault();
                return iv is null ? null : [iv.StartsWith("$__auto", StringComparison.Ordinal) ? "1m" : iv.Trim()];
        }

        var current = v.Current.Where(c => c.Length > 0).ToList();
        if (current.Any(c => c is "$__all" or "All"))
        {
            isAll = true;
            var all = v.Options.Where(o => o is not ("$__all" or "All") && o.Length > 0).ToList();
            if (all.Count == 0 && v.Type == "custom" && v.Query is { } q)
            {
                all = q.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            }

            options = all;
            return all.Count > 0 ? all : (v.AllValue is { } a ? [a] : null);
        }

        if (current.Count == 0 && v.Type == "custom" && v.Query is { } cq)
        {
            current = cq.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).Take(1).ToList();
        }

        return current;
    }
}
