using System.Text.RegularExpressions;
using TelemetryContracts.Clients;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.Grafana.Templating;
using TelemetryContracts.Reporting;

namespace TelemetryContracts.MainJob;

/// <summary>
/// Sends every query of a generated dashboard to Prometheus the way Grafana would (template variables
/// expanded, "All" selected) and records how many series each returns: 0 is a panel that shows "No data".
/// </summary>
public static partial class PanelProbe
{
    /// <summary>Probes the panels and template variables of <paramref name="dashboard"/>.</summary>
    public static async Task<IReadOnlyList<PanelRow>> RunAsync(GeneratedDashboard dashboard, PrometheusClient prometheus, TimeSpan scrapeInterval, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var context = new TemplateContext
        {
            Dialect = InterpolationDialect.Prometheus,
            From = now.AddMinutes(-15),
            To = now,
            // $__rate_interval = max($__interval + scrape interval, 4 × scrape interval). A short run under
            // load can miss a scrape or two, so the probe asks for a 30 s interval: windows of 32 s still
            // end at the last samples while holding several of them.
            Interval = TimeSpan.FromSeconds(30),
            ScrapeInterval = scrapeInterval,
            DashboardTitle = dashboard.Title,
            DashboardUid = dashboard.Uid,
            Variables = dashboard.Variables.Where(v => v.Type == "query").ToDictionary(
                v => v.Name,
                v => new TemplateVariable(v.Name, new[] { "$__all" }) { Multi = true, IncludeAll = true, AllSelected = true, AllValue = v.AllValue }),
        };

        var rows = new List<PanelRow>();
        foreach (var v in dashboard.Variables.Where(v => v.Type == "query" && v.Datasource == DatasourceKind.Prometheus))
        {
            var m = LabelValues().Match(v.Query);
            if (!m.Success)
            {
                rows.Add(new PanelRow(dashboard.Title, "variable $" + v.Name, "var", v.Query, "prometheus", 0, StageStatus.Failed));
                continue;
            }

            var values = await prometheus.LabelValuesAsync(m.Groups["label"].Value, new[] { m.Groups["selector"].Value }, now.AddHours(-1), now, cancellationToken);
            var count = values.IsSuccess ? values.Value!.Count : 0;
            rows.Add(new PanelRow(dashboard.Title, "variable $" + v.Name, "var", v.Query, "prometheus", count, count > 0 ? StageStatus.Ok : StageStatus.Failed));
        }

        foreach (var panel in dashboard.Panels)
        {
            foreach (var target in panel.Targets)
            {
                if (target.Datasource != DatasourceKind.Prometheus)
                {
                    rows.Add(new PanelRow(dashboard.Title, panel.Title, target.RefId, target.Expr, "loki", 0, StageStatus.NotChecked));
                    continue;
                }

                var expr = TemplateExpander.Expand(target.Expr, context).Text;
                var result = await prometheus.QueryAsync(expr, now, cancellationToken);
                var count = result.IsSuccess ? result.Value!.Count : 0;
                rows.Add(new PanelRow(dashboard.Title, panel.Title, target.RefId, expr, "prometheus", count, count > 0 ? StageStatus.Ok : StageStatus.Failed));
            }
        }

        return rows;
    }

    [GeneratedRegex(@"^label_values\((?<selector>.*),\s*(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\)$")]
    private static partial Regex LabelValues();
}
