using TelemetryContracts.Diagnostics;
using TelemetryContracts.LogQL;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6057: a stream selector value that no declared stream has (<c>source="docker"</c>).</summary>
public sealed class UnknownStreamValueRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.UnknownStreamValue;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.LogQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        if (query.LogQL is null)
        {
            yield break;
        }

        foreach (var selector in LogQuery.StreamSelectors(query.LogQL))
        {
            foreach (var m in selector.Matchers)
            {
                if (m.Operator is LogQL.Ast.MatchOperator.Equal or LogQL.Ast.MatchOperator.Regex
                    && query.CustomVariableOptions(m.ValueRange.Start, m.ValueRange.End, m.Value) is { } options)
                {
                    var closed = query.Contracts.Streams.Where(s => s.Labels.ContainsKey(m.Name)).Select(s => s.Labels[m.Name]).ToList();
                    if (closed.Count > 0 && closed.All(v => v is not null))
                    {
                        var all = closed.SelectMany(v => v!).Distinct(StringComparer.Ordinal).ToList();
                        foreach (var option in options.Where(o => !all.Contains(o)))
                        {
                            yield return query.Report(Rule, m.ValueRange.Start, m.Name, option, string.Join(", ", all.Select(v => $"{m.Name}=\"{v}\"")) + "; the value is an option of the custom variable that fills the matcher");
                        }
                    }

                    continue;
                }

                if (m.Operator is not (LogQL.Ast.MatchOperator.Equal or LogQL.Ast.MatchOperator.Regex) || query.IsTemplated(m.Range.Start, m.Range.End))
                {
                    continue;
                }

                var declared = query.Contracts.Streams.Where(s => s.Labels.ContainsKey(m.Name)).Select(s => s.Labels[m.Name]).ToList();
                if (declared.Count == 0 || declared.Any(v => v is null))
                {
                    // Unknown label (TC6056) or an open value set: nothing to compare with.
                    continue;
                }

                var values = declared.SelectMany(v => v!).Distinct(StringComparer.Ordinal).ToList();
                if (!values.Any(v => LogStreams.Matches(m, v) != false))
                {
                    yield return query.Report(Rule, m.ValueRange.Start, m.Name, m.Value, string.Join(", ", values.Select(v => $"{m.Name}=\"{v}\"")));
                }
            }
        }
    }
}
