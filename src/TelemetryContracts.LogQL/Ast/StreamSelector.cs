namespace TelemetryContracts.LogQL.Ast;

/// <summary>The stream selector <c>{...}</c>.</summary>
/// <param name="Range">From <c>{</c> to <c>}</c>.</param>
/// <param name="Matchers">The matchers in source order (may be empty; validation then reports it).</param>
public sealed record StreamSelector(PositionRange Range, IReadOnlyList<LabelMatcher> Matchers) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Matchers;
}
