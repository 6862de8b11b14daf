using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint.Index;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6054: <c>rate</c>/<c>irate</c>/<c>increase</c> over a gauge or up-down counter.</summary>
public sealed class RateOnGaugeRule : ILintRule
{
    private static readonly string[] CounterFunctions = { "rate", "irate", "increase" };

    /// <inheritdoc />
    public Rule Rule => RuleCatalog.RateOnGauge;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.PromQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        foreach (var (selector, name) in PrometheusSeries.NamedSelectors(query))
        {
            if (selector.Range is null || selector.Enclosing.FirstOrDefault() is not Call call || Array.IndexOf(CounterFunctions, call.Function.Name) < 0)
            {
                continue;
            }

            if (query.Contracts.FindSeries(name) is { Kind: SeriesKind.Value, Metric.Type: MetricType.Gauge or MetricType.UpDownCounter } series)
            {
                var type = series.Metric.Type == MetricType.Gauge ? "gauge" : "up-down counter (exported as a gauge)";
                yield return query.Report(Rule, call.Position.Start, call.Function.Name, name, type);
            }
        }
    }
}
