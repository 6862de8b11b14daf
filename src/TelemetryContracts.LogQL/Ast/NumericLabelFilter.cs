namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>status &gt;= 500</c>.</summary>
/// <param name="Range">The filter.</param>
/// <param name="Label">Label name.</param>
/// <param name="Operator">Comparison.</param>
/// <param name="Value">Number compared with.</param>
/// <param name="LabelRange">Where the label name is.</param>
public sealed record NumericLabelFilter(PositionRange Range, string Label, ComparisonOperator Operator, double Value, PositionRange LabelRange) : LabelFilter(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
