namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>level="error"</c>, <c>path=~"/api.*"</c>.</summary>
/// <param name="Range">The filter.</param>
/// <param name="Matcher">The matcher.</param>
public sealed record StringLabelFilter(PositionRange Range, LabelMatcher Matcher) : LabelFilter(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [Matcher];
}
