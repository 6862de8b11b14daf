namespace TelemetryContracts.LogQL.Ast;

/// <summary>A label matcher such as <c>app=~"api|web"</c>, in a stream selector, a label filter, or drop/keep.</summary>
/// <param name="Range">The whole matcher.</param>
/// <param name="Name">Label name.</param>
/// <param name="Operator">Match operator.</param>
/// <param name="Value">Unquoted value.</param>
/// <param name="NameRange">Where the name is.</param>
/// <param name="ValueRange">Where the quoted value is.</param>
public sealed record LabelMatcher(PositionRange Range, string Name, MatchOperator Operator, string Value, PositionRange NameRange, PositionRange ValueRange) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];

    /// <summary>True for <c>=~</c> and <c>!~</c>.</summary>
    public bool IsRegex => Operator is MatchOperator.Regex or MatchOperator.NotRegex;
}
