namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| decolorize</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
public sealed record DecolorizeStage(PositionRange Range) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
