namespace TelemetryContracts.LogQL.Ast;

/// <summary>An operand of drop/keep: a bare label name or a matcher.</summary>
/// <param name="Range">The operand.</param>
/// <param name="Name">The label name (also set when a matcher is given).</param>
/// <param name="Matcher">The matcher, or null for a bare name.</param>
public sealed record NamedLabelMatcher(PositionRange Range, string Name, LabelMatcher? Matcher) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Matcher is null ? [] : [Matcher];
}
