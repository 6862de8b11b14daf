using System.Text.RegularExpressions;
using TelemetryContracts.Lint.Index;
using TelemetryContracts.LogQL.Ast;

namespace TelemetryContracts.Lint.Rules;

/// <summary>Shared look-ups of the LogQL rules: matcher evaluation and the declared streams a selector can select.</summary>
internal static class LogStreams
{
    /// <summary>Whether a stream matcher accepts <paramref name="value"/> (Loki regexes are anchored); null when the regex cannot be evaluated.</summary>
    public static bool? Matches(LabelMatcher m, string value)
    {
        switch (m.Operator)
        {
            case MatchOperator.Equal:
                return m.Value == value;
            case MatchOperator.NotEqual:
                return m.Value != value;
        }

        try
        {
            var match = Regex.IsMatch(value, "^(?:" + m.Value + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            return m.Operator == MatchOperator.Regex ? match : !match;
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Whether a declared stream can satisfy every non-templated matcher of <paramref name="selector"/>.</summary>
    public static bool CanSelect(DeclaredStream stream, StreamSelector selector, LintQuery query)
    {
        foreach (var m in selector.Matchers)
        {
            if (query.IsTemplated(m.Range.Start, m.Range.End))
            {
                continue;
            }

            if (!stream.Labels.TryGetValue(m.Name, out var values))
            {
                if (Matches(m, "") == false)
                {
                    return false;
                }

                continue;
            }

            if (values is not null && !values.Any(v => Matches(m, v) != false))
            {
                return false;
            }
        }

        return true;
    }
}
