namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| status &gt;= 500 and level="error"</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Filter">The filter expression.</param>
public sealed record LabelFilterStage(PositionRange Range, LabelFilter Filter) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [Filter];
}
