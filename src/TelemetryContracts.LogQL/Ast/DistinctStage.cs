namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| distinct a, b</c> (Loki 2.8-2.9 only; later versions removed it).</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Labels">Label names.</param>
public sealed record DistinctStage(PositionRange Range, IReadOnlyList<string> Labels) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
