using System.Security.Cryptography;
using System.Text;
using TelemetryContracts.Contracts;
using TelemetryContracts.Generation.Grafana;
using TelemetryContracts.Generation.Text;

namespace TelemetryContracts.Generation.Dashboards;

/// <summary>
/// Turns a contract into a Grafana dashboard: <see cref="Build"/> plans the panels and queries (a
/// <see cref="GeneratedDashboard"/>), <see cref="Emit"/> writes schemaVersion 42 JSON from that plan. Every query
/// names only series and labels the contract declares, and filters with <c>job</c> as the generated scrape config
/// sets it, so the dashboard cannot ask for something the service does not serve.
/// </summary>
public static partial class DashboardEmitter
{
    /// <summary>Grafana's dashboard schema version the JSON follows.</summary>
    public const int SchemaVersion = 42;

    private const string RateInterval = "$__rate_interval";

    /// <summary>Plans the dashboard of one contract.</summary>
    public static GeneratedDashboard Build(TelemetryContract contract, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(options);
        var ids = new IdSource();
        var filters = FilterLabels(contract);
        var variables = new List<GeneratedVariable>
        {
            new("prometheus", "datasource", DatasourceKind.Prometheus, "prometheus", options.PrometheusDatasourceUid, null),
        };
        if (contract.Logs.Count > 0)
        {
            variables.Add(new("loki", "datasource", DatasourceKind.Loki, "loki", options.LokiDatasourceUid, null));
        }

        foreach (var (label, series) in filters)
        {
            variables.Add(new(
                label,
                "query",
                DatasourceKind.Prometheus,
                $"label_values({PromQl.Selector(series, new[] { ContractQueries.JobMatcher(contract) })}, {label})",
                "$__all",
                ".*"));
        }

        // A contract without a scrape section (a logs-only app) gets no scrape-health row: up{job=...} would be No data by design.
        var rows = new List<GeneratedRow>();
        if (contract.Scrape is not null)
        {
            rows.Add(ScrapeHealthRow(contract, ids));
        }

        foreach (var area in ContractQueries.LiveMetrics(contract).GroupBy(AreaOf, StringComparer.Ordinal))
        {
            var rowId = ids.Next();
            var panels = new List<GeneratedPanel>();
            foreach (var metric in area)
            {
                panels.AddRange(MetricPanels(contract, metric, filters, ids));
            }

            rows.Add(new GeneratedRow(rowId, AreaTitle(area.Key), panels));
        }

        foreach (var stream in contract.Logs)
        {
            rows.Add(LogRow(stream, filters, ids));
        }

        if (contract.Slos.Count > 0)
        {
            var rowId = ids.Next();
            var panels = new List<GeneratedPanel>();
            foreach (var slo in contract.Slos)
            {
                panels.AddRange(SloPanels(contract, slo, ids));
            }

            rows.Add(new GeneratedRow(rowId, "SLOs", panels));
        }

        var description = contract.Description is { Length: > 0 } d
            ? d + " Generated from the telemetry contract; do not edit by hand."
            : $"Generated from the telemetry contract of {contract.Service}; do not edit by hand.";
        return new GeneratedDashboard(
            Uid(contract.Service),
            contract.Service,
            description,
            new[] { "telemetry-contracts", contract.Service, contract.Namespace }.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            variables,
            rows);
    }

    /// <summary>
    /// A stable dashboard uid from the service name: Grafana accepts at most 40 characters of
    /// <c>[A-Za-z0-9_-]</c>; longer or unusual names keep a readable prefix and a hash so two services never collide.
    /// </summary>
    public static string Uid(string service)
    {
        var sb = new StringBuilder("tc-");
        foreach (var c in service)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var uid = sb.ToString();
        if (uid.Length <= 40 && uid == "tc-" + service)
        {
            return uid;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(service)))[..8];
        return uid[..Math.Min(uid.Length, 31)] + "-" + hash;
    }

    /// <summary>
    /// The labels the dashboard filters on, each with the series its <c>label_values</c> reads: labels the log streams
    /// take from the contract (so metrics and logs filter alike), then closed labels shared by several metrics.
    /// </summary>
    private static List<(string Label, string Series)> FilterLabels(TelemetryContract contract)
    {
        var live = ContractQueries.LiveMetrics(contract).ToList();
        var chosen = new List<string>();
        foreach (var r in contract.Logs.SelectMany(s => s.Labels).Select(l => l.LabelRef).OfType<string>())
        {
            if (!chosen.Contains(r, StringComparer.Ordinal) && live.Any(m => m.Labels.Contains(r, StringComparer.Ordinal)))
            {
                chosen.Add(r);
            }
        }

        foreach (var label in contract.Labels)
        {
            if (label.IsClosed && !chosen.Contains(label.Name, StringComparer.Ordinal) && live.Count(m => m.Labels.Contains(label.Name, StringComparer.Ordinal)) >= 2)
            {
                chosen.Add(label.Name);
            }
        }

        return chosen.Take(4).Select(l =>
        {
            var metric = live.First(m => m.Labels.Contains(l, StringComparer.Ordinal));
            return (l, metric.Type == MetricType.Histogram ? metric.FullName + "_count" : metric.FullName);
        }).ToList();
    }

    private static string AreaOf(MetricDefinition metric)
    {
        var i = metric.Name.IndexOf('_', StringComparison.Ordinal);
        return i > 0 ? metric.Name[..i] : metric.Name;
    }

    private static string AreaTitle(string area) =>
        area.Length <= 4 ? area.ToUpperInvariant() : char.ToUpperInvariant(area[0]) + area[1..];

    private static GeneratedRow ScrapeHealthRow(TelemetryContract contract, IdSource ids)
    {
        var rowId = ids.Next();
        var job = ContractQueries.JobMatcher(contract);
        GeneratedPanel Panel(string title, string type, string unit, string description, string expr) => new(
            ids.Next(), title, type, description, unit, DatasourceKind.Prometheus,
            new[] { new GeneratedTarget("A", expr, DatasourceKind.Prometheus, "{{instance}}", "time_series") }, 8, "scrape");
        return new GeneratedRow(rowId, "Scrape health", new[]
        {
            Panel("Target up", "stat", "short", $"1 when Prometheus scraped job {contract.Job} successfully; 0 means the target is down or unreachable (wrong host, port, network or credentials).", $"up{{{job}}}"),
            Panel("Scrape duration", "timeseries", "s", "How long the scrape of the metrics endpoint took.", $"scrape_duration_seconds{{{job}}}"),
            Panel("Samples scraped", "timeseries", "short", "Samples in the last scrape; 0 while up is 1 means the endpoint serves no metrics.", $"scrape_samples_scraped{{{job}}}"),
        });
    }

    private static IEnumerable<GeneratedPanel> MetricPanels(TelemetryContract contract, MetricDefinition metric, List<(string Label, string Series)> filters, IdSource ids)
    {
        var matchers = new List<string> { ContractQueries.JobMatcher(contract) };
        matchers.AddRange(filters.Where(f => metric.Labels.Contains(f.Label, StringComparer.Ordinal)).Select(f => PromQl.Re(f.Label, "$" + f.Label)));
        var grouping = metric.Labels.Where(l => !filters.Any(f => f.Label == l)).ToList();
        var legend = grouping.Count == 0 ? metric.FullName : string.Join(" ", grouping.Select(l => "{{" + l + "}}"));
        var help = metric.Help;
        var suffix = metric.Required ? "" : " (optional)";
        switch (metric.Type)
        {
            case MetricType.Counter:
            {
                var rate = $"sum{PromQl.By(grouping)}(rate({PromQl.Selector(metric.FullName, matchers)}[{RateInterval}]))";
                yield return new GeneratedPanel(ids.Next(), $"{metric.Name} per second{suffix}", "timeseries", help, GrafanaUnits.ForRate(metric), DatasourceKind.Prometheus,
                    new[] { new GeneratedTarget("A", rate, DatasourceKind.Prometheus, legend, "time_series") }, 12, "metric:" + metric.Name);
                if (ContractQueries.ErrorMatchers(contract, metric) is { } errors)
                {
                    // "or vector(0)": with no failure yet the error series does not exist, and an empty numerator would
                    // leave the panel on "No data" exactly when everything is fine.
                    var all = PromQl.Selector(metric.FullName, matchers);
                    var failed = PromQl.Selector(metric.FullName, matchers.Concat(errors));
                    var ratio = $"(sum(rate({failed}[{RateInterval}])) or vector(0)) / sum(rate({all}[{RateInterval}]))";
                    yield return new GeneratedPanel(ids.Next(), $"{metric.Name} error ratio{suffix}", "timeseries",
                        $"Share of {metric.FullName} with {string.Join(", ", errors)}. {help}", "percentunit", DatasourceKind.Prometheus,
                        new[] { new GeneratedTarget("A", ratio, DatasourceKind.Prometheus, "error ratio", "time_series") }, 12, "metric:" + metric.Name) { Range = (0, 1) };
                }

                break;
            }

            case MetricType.Histogram:
            {
                var byLe = new List<string> { "le" };
                var bucket = PromQl.Selector(metric.FullName + "_bucket", matchers);
                var targets = new[] { ("A", 0.5, "p50"), ("B", 0.95, "p95"), ("C", 0.99, "p99") }
                    .Select(q => new GeneratedTarget(q.Item1, $"histogram_quantile({ContractQueries.Number(q.Item2)}, sum{PromQl.By(byLe)}(rate({bucket}[{RateInterval}])))", DatasourceKind.Prometheus, q.Item3, "time_series"))
                    .ToList();
                yield return new GeneratedPanel(ids.Next(), $"{metric.Name} p50 / p95 / p99{suffix}", "timeseries", help, GrafanaUnits.ForValue(metric), DatasourceKind.Prometheus, targets, 12, "metric:" + metric.Name);
                yield return new GeneratedPanel(ids.Next(), $"{metric.Name} distribution{suffix}", "heatmap", help, GrafanaUnits.ForValue(metric), DatasourceKind.Prometheus,
                    new[] { new GeneratedTarget("A", $"sum by (le) (increase({bucket}[{RateInterval}]))", DatasourceKind.Prometheus, "{{le}}", "heatmap") }, 12, "metric:" + metric.Name);
                break;
            }

            default:
            {
                // Gauges show the current value; up-down counters are values too (never rate() them).
                var expr = $"sum{PromQl.By(grouping)}({PromQl.Selector(metric.FullName, matchers)})";
                var type = metric.Type == MetricType.Gauge ? "stat" : "timeseries";
                yield return new GeneratedPanel(ids.Next(), metric.Name + suffix, type, help, GrafanaUnits.ForValue(metric), DatasourceKind.Prometheus,
                    new[] { new GeneratedTarget("A", expr, DatasourceKind.Prometheus, legend, "time_series") }, 12, "metric:" + metric.Name);
                break;
            }
        }
    }

    private static GeneratedRow LogRow(LogStreamDefinition stream, List<(string Label, string Series)> filters, IdSource ids)
    {
        var rowId = ids.Next();
        var matchers = new List<string>();
        foreach (var l in stream.Labels)
        {
            if (l.FixedValue is { } v)
            {
                matchers.Add(PromQl.Eq(l.Name, v));
            }
            else if (l.LabelRef is { } r && filters.Any(f => f.Label == r))
            {
                matchers.Add(PromQl.Re(l.Name, "$" + r));
            }
            else
            {
                matchers.Add(PromQl.Re(l.Name, ".+"));
            }
        }

        var selector = "{" + string.Join(", ", matchers) + "}";
        var level = ContractQueries.JsonLabel(stream.LevelField);
        var description = stream.Description ?? $"Log stream {stream.Name}.";
        return new GeneratedRow(rowId, "Logs: " + stream.Name, new[]
        {
            new GeneratedPanel(ids.Next(), $"{stream.Name} log volume by {level}", "timeseries", description, "short", DatasourceKind.Loki,
                new[] { new GeneratedTarget("A", $"sum by ({level}) (count_over_time({selector} | json [$__interval]))", DatasourceKind.Loki, "{{" + level + "}}", "time_series") }, 24, "log:" + stream.Name),
            new GeneratedPanel(ids.Next(), $"{stream.Name} logs", "logs", description, "short", DatasourceKind.Loki,
                new[] { new GeneratedTarget("A", selector + " | json", DatasourceKind.Loki, "", "logs") }, 24, "log:" + stream.Name),
        });
    }

    private static IEnumerable<GeneratedPanel> SloPanels(TelemetryContract contract, SloDefinition slo, IdSource ids)
    {
        var metric = contract.FindMetric(slo.Metric);
        if (metric is null)
        {
            yield break;
        }

        var good = SloGoodRatio(contract, slo, metric, RateInterval);
        var rangeBad = SloBadRatio(contract, slo, metric, "$__range");
        var objective = ContractQueries.Number(slo.Objective);
        var budget = ContractQueries.ErrorBudget(slo);
        var description = slo.Description ?? $"SLO {slo.Name} on {metric.FullName}.";
        yield return new GeneratedPanel(ids.Next(), $"SLO {slo.Name}: objective vs actual", "timeseries", description, "percentunit", DatasourceKind.Prometheus, new[]
        {
            new GeneratedTarget("A", good, DatasourceKind.Prometheus, "actual", "time_series"),
            new GeneratedTarget("B", $"vector({objective})", DatasourceKind.Prometheus, "objective", "time_series"),
        }, 12, "slo:" + slo.Name) { Range = (0, 1) };
        yield return new GeneratedPanel(ids.Next(), $"SLO {slo.Name}: error budget remaining", "stat",
            $"Share of the error budget ({budget} of the events) left over the dashboard's time range; below 0 the SLO is violated. {description}", "percentunit", DatasourceKind.Prometheus, new[]
            {
                new GeneratedTarget("A", $"1 - (({rangeBad}) / {budget})", DatasourceKind.Prometheus, "budget remaining", "time_series"),
            }, 12, "slo:" + slo.Name);
    }

    /// <summary>The ratio of good events over <paramref name="window"/> (a PromQL duration or Grafana variable).</summary>
    internal static string SloGoodRatio(TelemetryContract contract, SloDefinition slo, MetricDefinition metric, string window)
    {
        var job = ContractQueries.JobMatcher(contract);
        if (slo.Kind == SloKind.Latency)
        {
            var fast = PromQl.Selector(metric.FullName + "_bucket", new[] { job, PromQl.Eq("le", ContractQueries.Le(slo.Below)) });
            var count = PromQl.Selector(metric.FullName + "_count", new[] { job });
            return $"sum(rate({fast}[{window}])) / sum(rate({count}[{window}]))";
        }

        return $"1 - ({SloBadRatio(contract, slo, metric, window)})";
    }

    /// <summary>The ratio of bad events (slow or failed) over <paramref name="window"/>: the SLI error ratio of the rules.</summary>
    internal static string SloBadRatio(TelemetryContract contract, SloDefinition slo, MetricDefinition metric, string window)
    {
        var job = ContractQueries.JobMatcher(contract);
        if (slo.Kind == SloKind.Latency)
        {
            var fast = PromQl.Selector(metric.FullName + "_bucket", new[] { job, PromQl.Eq("le", ContractQueries.Le(slo.Below)) });
            var count = PromQl.Selector(metric.FullName + "_count", new[] { job });
            return $"(sum(rate({count}[{window}])) - sum(rate({fast}[{window}]))) / sum(rate({count}[{window}]))";
        }

        // "or vector(0)": no failure yet means no error series, and the ratio must be 0, not empty.
        var errors = slo.Errors.Select(e => PromQl.Re(e.Key, e.Value)).ToList();
        var all = PromQl.Selector(metric.FullName, new[] { job });
        var failed = PromQl.Selector(metric.FullName, new[] { job }.Concat(errors));
        return $"(sum(rate({failed}[{window}])) or vector(0)) / sum(rate({all}[{window}]))";
    }

    private sealed class IdSource
    {
        private int next;

        public int Next() => ++next;
    }
}
