using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// Every declared metric has series for the job in the TSDB, with the declared label names and closed values,
/// following pint's promql/series ladder: the metric never existed, it disappeared since, a label is missing,
/// a value is missing. Answered from <see cref="TsdbSnapshot"/>: five requests per job, whatever the number of metrics.
/// </summary>
public sealed class MetricSeriesInTsdbCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "prometheus/metric-series";

    // Labels the scraper adds or Prometheus generates; never declared in a contract.
    private static readonly HashSet<string> ScraperLabels = new(StringComparer.Ordinal) { "__name__", "job", "instance", "le", "quantile" };

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Declared metrics have series in the TSDB";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Prometheus;

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { ScrapeTargetHealthCheck.CheckId };

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var snapshot = await context.GetTsdbSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot?.RecentSeries is not { } recentResponse)
        {
            return None;
        }

        if (ApiFailure(recentResponse, snapshot.Selector) is { } failed)
        {
            return new[] { failed };
        }

        var prom = context.PrometheusEndpoint!;
        var recent = recentResponse.Data!;
        var jobNames = snapshot.JobNames is { Ok: true, Data: { } jn } ? jn : new List<string>();
        var allNames = snapshot.AllNames is { Ok: true, Data: { } an } ? an : new List<string>();
        var byName = recent.GroupBy(s => s.TryGetValue("__name__", out var n) ? n : "").ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var recentWindow = Duration(context.Settings.RecentWindow);
        var lookback = Duration(context.Settings.Lookback);
        var evidence = $"{recentResponse.Exchange.Method} {recentResponse.Exchange.Url.AbsoluteUri} → {recent.Count} series of {byName.Count} metrics under the namespace: {List(byName.Keys.OrderBy(k => k, StringComparer.Ordinal))}";
        var findings = new List<Finding>();
        foreach (var metric in context.Contract.Metrics)
        {
            var path = "metrics." + metric.Name;
            var location = At(context, metric, path, prom.Url);
            var series = metric.SeriesNames.SelectMany(n => byName.TryGetValue(n, out var l) ? l : new List<IReadOnlyDictionary<string, string>>()).ToList();
            if (series.Count == 0)
            {
                Finding f;
                if (metric.SeriesNames.Any(jobNames.Contains))
                {
                    f = RuleCatalog.MetricDisappeared.At(location, metric.FullName, snapshot.Job, lookback, recentWindow);
                }
                else
                {
                    var candidates = jobNames.Concat(allNames).Distinct(StringComparer.Ordinal).ToList();
                    var suggestion = MetricNameSuggester.Suggest(metric.FullName, candidates);
                    var extra = suggestion is { } s ? $"; did you mean '{s.Name}' ({s.Why})?" : " (it never existed there)";
                    f = RuleCatalog.MetricNeverInTsdb.At(location, prom.DisplayName, metric.FullName, snapshot.Job, lookback, extra);
                }

                findings.Add((metric.Required ? f : f with { Severity = Severity.Warning }).WithEvidence(evidence));
                continue;
            }

            var present = new HashSet<string>(series.SelectMany(s => s.Keys), StringComparer.Ordinal);
            var undeclared = present.Where(l => !ScraperLabels.Contains(l) && !metric.Labels.Contains(l)).OrderBy(l => l, StringComparer.Ordinal).ToList();
            foreach (var label in metric.Labels)
            {
                if (!present.Contains(label))
                {
                    var extra = undeclared.Count > 0 ? $"; they carry {string.Join(", ", undeclared.Select(u => "'" + u + "'"))} instead (renamed in code or by relabeling?)" : "";
                    findings.Add(RuleCatalog.LabelMissingInTsdb.At(At(context, metric, path + ".labels", prom.Url), metric.FullName, snapshot.Job, label, extra)
                        .WithEvidence("one of them: " + Render(series[0])));
                    continue;
                }

                if (context.Contract.FindLabel(label) is not { IsClosed: true } def)
                {
                    continue;
                }

                var seen = new SortedSet<string>(series.Select(s => s.TryGetValue(label, out var v) ? v : "").Where(v => v.Length > 0), StringComparer.Ordinal);
                foreach (var outside in seen.Where(v => !def.ClosedValues.Contains(v)))
                {
                    findings.Add(RuleCatalog.LabelValueOutsideClosedSet.At(At(context, def, "labels." + label + ".values", prom.Url), metric.FullName, label, outside, string.Join(", ", def.ClosedValues)));
                }

                var missing = def.ClosedValues.Where(v => !seen.Contains(v)).ToList();
                if (missing.Count > 0 && seen.Count > 0)
                {
                    findings.Add(RuleCatalog.LabelValueMissingInTsdb.At(At(context, def, "labels." + label + ".values", prom.Url), metric.FullName, snapshot.Job, label, string.Join("|", missing), List(seen)));
                }
            }
        }

        return findings;
    }

    private static string Render(IReadOnlyDictionary<string, string> series) =>
        (series.TryGetValue("__name__", out var n) ? n : "") + "{" + string.Join(", ", series.Where(kv => kv.Key != "__name__").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}=\"{kv.Value}\"")) + "}";

    internal static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 && t.TotalHours == Math.Floor(t.TotalHours) ? $"{t.TotalHours:0}h" : t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0}m" : $"{t.TotalSeconds:0}s";
}
