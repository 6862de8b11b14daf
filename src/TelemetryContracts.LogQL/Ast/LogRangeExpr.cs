namespace TelemetryContracts.LogQL.Ast;

/// <summary>A log query over a range: <c>{app="a"} | logfmt | unwrap v [5m] offset 1h</c>.</summary>
/// <param name="Range">Selector, pipeline, unwrap, range and offset.</param>
/// <param name="Selector">The log query.</param>
/// <param name="Unwrap">The unwrap, if any.</param>
/// <param name="IntervalNanoseconds">The range duration.</param>
/// <param name="OffsetNanoseconds">The offset, 0 when absent.</param>
/// <param name="IntervalRange">Where the bracketed range is.</param>
public sealed record LogRangeExpr(PositionRange Range, LogSelectorExpr Selector, UnwrapExpr? Unwrap, long IntervalNanoseconds, long OffsetNanoseconds, PositionRange IntervalRange) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Unwrap is null ? [Selector] : [Selector, Unwrap];
}
