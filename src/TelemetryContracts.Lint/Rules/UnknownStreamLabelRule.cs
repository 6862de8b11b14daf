using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.LogQL;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6056: a LogQL stream selector label that no declared stream has (<c>job</c> where streams carry <c>app</c>).</summary>
public sealed class UnknownStreamLabelRule : ILintRule
{
    /// <inheritdoc />
    public Rule Rule => RuleCatalog.UnknownStreamLabel;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.LogQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        var names = query.Contracts.StreamLabelNames;
        if (query.LogQL is null || names.Count == 0)
        {
            yield break;
        }

        foreach (var selector in LogQuery.StreamSelectors(query.LogQL))
        {
            foreach (var m in selector.Matchers)
            {
                if (names.Contains(m.Name) || LogStreams.Matches(m, "") != false || query.IsTemplated(m.NameRange.Start, m.NameRange.End))
                {
                    continue;
                }

                var hint = DidYouMean.Best(m.Name, names) is { } b ? $" (did you mean '{b}'?)" : "";
                yield return query.Report(Rule, m.NameRange.Start, m.Name, string.Join(", ", names), hint);
            }
        }
    }
}
