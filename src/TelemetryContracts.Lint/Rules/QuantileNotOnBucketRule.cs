using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint.Index;
using TelemetryContracts.PromQL;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.Lint.Rules;

/// <summary>
/// TC6055: <c>histogram_quantile</c> over something that is not the <c>_bucket</c> series of a declared histogram,
/// or over buckets whose <c>le</c> label an aggregation dropped.
/// </summary>
public sealed class QuantileNotOnBucketRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.QuantileNotOnBucket;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.PromQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        if (query.PromQL is null)
        {
            yield break;
        }

        foreach (var call in Inspector.Descendants(query.PromQL).OfType<Call>())
        {
            if (call.Function.Name != "histogram_quantile" || call.Args.Count != 2)
            {
                continue;
            }

            foreach (var s in SelectorFinder.Find(call.Args[1]))
            {
                if (s.MetricName is not { Length: > 0 } name || query.IsTemplated(s.Position.Start, s.Position.Start + Math.Max(1, s.Selector.Name.Length)))
                {
                    continue;
                }

                var series = query.Contracts.FindSeries(name);
                if (series is { Kind: SeriesKind.Bucket })
                {
                    if (s.Enclosing.OfType<AggregateExpr>().FirstOrDefault(DropsLe) is { } agg)
                    {
                        yield return query.Report(Rule, agg.Position.Start, name, $"loses its 'le' label in {agg.Op}{(agg.Without ? " without" : " by")} ({string.Join(", ", agg.Grouping)})", name);
                    }

                    continue;
                }

                if (series is not null)
                {
                    var what = series.Metric.Type == MetricType.Histogram
                        ? $"is the {series.Kind.ToString().ToLowerInvariant()} series of the histogram"
                        : $"is a {series.Metric.Type.ToString().ToLowerInvariant()}, not a histogram";
                    var bucket = series.Metric.Type == MetricType.Histogram ? series.Metric.FullName + "_bucket" : "<histogram>_bucket";
                    yield return query.Report(Rule, s.Position.Start, name, what, bucket);
                }
                else if (query.Contracts.FindSeries(name + "_bucket") is { } histogram)
                {
                    yield return query.Report(Rule, s.Position.Start, name, $"is the histogram's base name; its buckets are '{histogram.Name}'", histogram.Name);
                }
            }
        }
    }

    private static bool DropsLe(AggregateExpr agg) =>
        agg.Op is not ("topk" or "bottomk" or "limitk" or "limit_ratio")
        && (agg.Without ? agg.Grouping.Contains("le") : !agg.Grouping.Contains("le"));
}
