using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint.Index;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6051: a matcher on a label the metric does not carry (<c>job</c> vs <c>app</c>).</summary>
public sealed class LabelNotOnMetricRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.LabelNotOnMetric;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.PromQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        foreach (var (selector, name) in PrometheusSeries.NamedSelectors(query))
        {
            if (PrometheusSeries.LabelsOf(query.Contracts, name) is not { } labels)
            {
                continue;
            }

            foreach (var m in selector.Matchers)
            {
                // A matcher that accepts the empty value also accepts series without the label: no "No data" there.
                if (m.Name == "__name__" || labels.Contains(m.Name) || m.Matches("") || query.IsTemplated(m.Position.Start, m.Position.Start + m.Name.Length))
                {
                    continue;
                }

                yield return query.Report(Rule, m.Position.Start, name, m.Name, string.Join(", ", labels), ContractIndex.SuggestLabel(m.Name, labels));
            }
        }
    }
}
