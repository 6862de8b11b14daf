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
                if (m.Op is MatchOp.Equal or MatchOp.Regex && m.Name != "__name__"
                    && query.CustomVariableOptions(m.Position.Start, m.Position.End, m.Value) is { } options
                    && PrometheusSeries.ClosedValues(query.Contracts, name, m.Name) is { Count: > 0 } closed)
                {
                    // "All" of a custom variable sends every option; each one outside the set is a series that never exists.
                    foreach (var option in options.Where(o => !closed.Contains(o)))
                    {
                        var suggestion = DidYouMean.Best(option, closed) is { } c ? $", did you mean '{c}'?" : "";
                        yield return query.Report(Rule, m.Position.Start, m.Name, name, option, string.Join(", ", closed), $" (an option of the custom variable that fills the matcher{suggestion})");
                    }

                    continue;
                }

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
