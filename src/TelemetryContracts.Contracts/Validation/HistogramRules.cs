using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>Histogram buckets: present, finite, strictly increasing; and only on histograms.</summary>
internal static class HistogramRules
{
    public static void Check(ValidationContext ctx)
    {
        foreach (var m in ctx.Contract.Metrics)
        {
            var path = "metrics." + m.Name + ".buckets";
            if (m.Type != MetricType.Histogram)
            {
                if (m.Buckets is not null)
                {
                    ctx.Report(RuleCatalog.BucketsOnNonHistogram, m.KeySpanOf("buckets"), path, NamingRules.TypeWord(m.Type), m.Name);
                }

                continue;
            }

            if (m.Buckets is null || m.Buckets.Count == 0)
            {
                ctx.Report(RuleCatalog.HistogramWithoutBuckets, m.Buckets is null ? m.Span : m.SpanOf("buckets"), path, m.Name);
                continue;
            }

            double? previous = null;
            for (var i = 0; i < m.Buckets.Count; i++)
            {
                var b = m.Buckets[i];
                var span = LabelRules.ItemSpan(m, "buckets", i);
                if (double.IsNaN(b) || double.IsInfinity(b))
                {
                    ctx.Report(RuleCatalog.BucketNotFinite, span, path, Numbers.Format(b), m.Name);
                    continue;
                }

                if (previous is { } p && b <= p)
                {
                    ctx.Report(RuleCatalog.BucketsNotIncreasing, span, path, m.Name, Numbers.Format(b), Numbers.Format(p));
                }

                previous = b;
            }
        }
    }
}
