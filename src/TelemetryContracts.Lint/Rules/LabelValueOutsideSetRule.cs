using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6052: an equality matcher with a value outside the label's closed set.</summary>
public sealed class LabelValueOutsideSetRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.LabelValueOutsideSet;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.PromQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        foreach (var (selector, name) in PrometheusSeries.NamedSelectors(query))
        {
            foreach (var m in selector.Matchers)
            {
                if (m.Op != MatchOp.Equal || m.Value.Length == 0 || m.Name == "__name__" || query.IsTemplated(m.Position.Start, m.Position.End))
                {
                    continue;
                }

                if (PrometheusSeries.ClosedValues(query.Contracts, name, m.Name) is { Count: > 0 } values && !values.Contains(m.Value))
                {
                    var hint = DidYouMean.Best(m.Value, values) is { } b ? $" (did you mean '{b}'?)" : "";
                    yield return query.Report(Rule, m.Position.Start, m.Name, name, m.Value, string.Join(", ", values), hint);
                }
            }
        }
    }
}
