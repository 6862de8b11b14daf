using System.Text.RegularExpressions;

namespace TelemetryContracts.PromQL.Ast;

/// <summary>One <c>name op "value"</c> matcher of a selector, with its position.</summary>
public sealed class LabelMatcher(string name, MatchOp op, string value, PositionRange position)
{
    /// <summary>The label name (<c>__name__</c> for the metric name).</summary>
    public string Name { get; } = name;

    /// <summary>The operator.</summary>
    public MatchOp Op { get; } = op;

    /// <summary>The unescaped value.</summary>
    public string Value { get; } = value;

    /// <summary>Where the matcher is; for a metric name written outside braces, the name's position.</summary>
    public PositionRange Position { get; } = position;

    internal Regex? Compiled { get; set; }

    /// <summary>The operator as written.</summary>
    public string OpText => Op switch { MatchOp.Equal => "=", MatchOp.NotEqual => "!=", MatchOp.Regex => "=~", _ => "!~" };

    /// <summary>Whether the matcher accepts <paramref name="v"/> (regexes fully anchored, as Prometheus).</summary>
    public bool Matches(string v) => Op switch
    {
        MatchOp.Equal => v == Value,
        MatchOp.NotEqual => v != Value,
        MatchOp.Regex => RegexMatches(v),
        _ => !RegexMatches(v),
    };

    private bool RegexMatches(string v)
    {
        try
        {
            return Compiled?.IsMatch(v) ?? false;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern: treat as no match rather than failing the caller.
            return false;
        }
    }

    /// <summary>Prometheus's <c>name="value"</c> form (name quoted when it is not a plain identifier).</summary>
    public override string ToString() => GoFormat.LabelName(Name) + OpText + GoFormat.Quote(Value);
}
