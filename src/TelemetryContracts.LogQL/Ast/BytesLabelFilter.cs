namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>size &gt; 20KB</c>.</summary>
/// <param name="Range">The filter.</param>
/// <param name="Label">Label name.</param>
/// <param name="Operator">Comparison.</param>
/// <param name="Bytes">Size compared with.</param>
/// <param name="LabelRange">Where the label name is.</param>
public sealed record BytesLabelFilter(PositionRange Range, string Label, ComparisonOperator Operator, ulong Bytes, PositionRange LabelRange) : LabelFilter(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
