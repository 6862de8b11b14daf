using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6050: a metric name no contract declares (with did-you-mean from the contracts).</summary>
public sealed class UnknownMetricRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.UnknownMetric;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.PromQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (selector, name) in PrometheusSeries.NamedSelectors(query))
        {
            if (PrometheusSeries.LabelsOf(query.Contracts, name) is null && !PrometheusSeries.OpenLabelSeries.Contains(name) && seen.Add(name))
            {
                yield return query.Report(Rule, selector.Position.Start, name, query.Contracts.SuggestMetric(name));
            }
        }
    }
}
