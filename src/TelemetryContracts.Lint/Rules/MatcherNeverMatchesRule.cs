using TelemetryContracts.Diagnostics;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.Lint.Rules;

/// <summary>
/// TC6053: a selector that cannot select anything: a regex or negative matcher that excludes every declared value,
/// <c>label=""</c> on a label every series carries, or two equality matchers on one label with different values.
/// </summary>
public sealed class MatcherNeverMatchesRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.MatcherNeverMatches;

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

            var equal = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var m in selector.Matchers)
            {
                if (m.Name == "__name__" || !labels.Contains(m.Name) || query.IsTemplated(m.Position.Start, m.Position.End))
                {
                    continue;
                }

                if (m.Op == MatchOp.Equal)
                {
                    if (equal.TryGetValue(m.Name, out var other) && other != m.Value)
                    {
                        yield return query.Report(Rule, m.Position.Start, m, name, $"'{m.Name}' is also required to equal \"{other}\"");
                        continue;
                    }

                    equal[m.Name] = m.Value;
                    if (m.Value.Length == 0)
                    {
                        yield return query.Report(Rule, m.Position.Start, m, name, $"the declared label '{m.Name}' is set on every series, so an empty value selects none");
                    }

                    continue;
                }

                // Equality with a value outside the set is TC6052; here the regex and negative forms.
                if (PrometheusSeries.ClosedValues(query.Contracts, name, m.Name) is { Count: > 0 } values && !values.Any(m.Matches))
                {
                    yield return query.Report(Rule, m.Position.Start, m, name, $"it matches none of the declared values of '{m.Name}' ({string.Join(", ", values)})");
                }
            }
        }
    }
}
