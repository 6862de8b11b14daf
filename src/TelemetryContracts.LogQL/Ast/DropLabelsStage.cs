namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| drop a, b="c"</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Labels">The operands.</param>
public sealed record DropLabelsStage(PositionRange Range, IReadOnlyList<NamedLabelMatcher> Labels) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Labels;
}
