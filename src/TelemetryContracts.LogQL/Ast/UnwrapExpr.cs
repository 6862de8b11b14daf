namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| unwrap bytes(size) | __error__=""</c>.</summary>
/// <param name="Range">From the pipe to the last post filter.</param>
/// <param name="Label">The unwrapped label.</param>
/// <param name="Conversion">Conversion function.</param>
/// <param name="PostFilters">Label filters after the unwrap.</param>
/// <param name="LabelRange">Where the label name is.</param>
public sealed record UnwrapExpr(PositionRange Range, string Label, UnwrapConversion Conversion, IReadOnlyList<LabelFilter> PostFilters, PositionRange LabelRange) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => PostFilters;
}
