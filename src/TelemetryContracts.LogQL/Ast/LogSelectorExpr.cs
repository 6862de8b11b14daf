namespace TelemetryContracts.LogQL.Ast;

/// <summary>A log query: a stream selector followed by zero or more pipeline stages.</summary>
/// <param name="Range">The selector and its stages.</param>
/// <param name="Selector">The stream selector.</param>
/// <param name="Stages">Pipeline stages in order.</param>
public sealed record LogSelectorExpr(PositionRange Range, StreamSelector Selector, IReadOnlyList<PipelineStage> Stages) : Expr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [Selector, .. Stages];
}
