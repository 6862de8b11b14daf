using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>SLOs: the metric exists and has the right type, latency thresholds are bucket bounds, error matchers use the metric's labels.</summary>
internal static class SloRules
{
    public static void Check(ValidationContext ctx)
    {
        var c = ctx.Contract;
        foreach (var slo in c.Slos)
        {
            var path = "slos." + slo.Name;
            if (slo.Metric.Length == 0)
            {
                continue;
            }

            var metric = c.FindMetric(slo.Metric);
            if (metric is null)
            {
                var names = c.Metrics.SelectMany(m => new[] { m.Name, m.FullName });
                ctx.Report(RuleCatalog.UnknownMetricReference, slo.SpanOf("metric"), path + ".metric", $"The SLO '{slo.Name}'", slo.Metric, DidYouMean.Suffix(slo.Metric, names));
                continue;
            }

            if (slo.Kind == SloKind.Latency)
            {
                if (metric.Type != MetricType.Histogram)
                {
                    ctx.Report(RuleCatalog.SloMetricType, slo.SpanOf("metric"), path + ".metric", "latency", slo.Name, "histogram", metric.Name, NamingRules.TypeWord(metric.Type));
                    continue;
                }

                if (metric.Buckets is { Count: > 0 } buckets && !buckets.Any(b => Math.Abs(b - slo.Below) <= 1e-12 * Math.Max(1, Math.Abs(b))))
                {
                    ctx.Report(RuleCatalog.SloThresholdNotBucket, slo.SpanOf("below"), path + ".below", slo.Name, Numbers.Format(slo.Below), metric.Name,
                        string.Join(", ", buckets.Select(Numbers.Format)));
                }
            }
            else
            {
                if (metric.Type != MetricType.Counter)
                {
                    ctx.Report(RuleCatalog.SloMetricType, slo.SpanOf("metric"), path + ".metric", "error-ratio", slo.Name, "counter", metric.Name, NamingRules.TypeWord(metric.Type));
                    continue;
                }

                foreach (var e in slo.Errors)
                {
                    if (!metric.Labels.Contains(e.Key))
                    {
                        var span = (slo.Node as MappingNode)?["errors"] is MappingNode em && em.Find(e.Key) is { } entry ? entry.Key.Span : slo.SpanOf("errors");
                        ctx.Report(RuleCatalog.UndeclaredLabel, span, path + ".errors." + e.Key, $"The SLO '{slo.Name}'", e.Key, $" on metric '{metric.Name}'" + DidYouMean.Suffix(e.Key, metric.Labels));
                    }
                }
            }
        }
    }
}
