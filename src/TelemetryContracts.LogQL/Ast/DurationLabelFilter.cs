namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>duration &gt; 10s</c>.</summary>
/// <param name="Range">The filter.</param>
/// <param name="Label">Label name.</param>
/// <param name="Operator">Comparison.</param>
/// <param name="Nanoseconds">Duration compared with.</param>
/// <param name="LabelRange">Where the label name is.</param>
public sealed record DurationLabelFilter(PositionRange Range, string Label, ComparisonOperator Operator, long Nanoseconds, PositionRange LabelRange) : LabelFilter(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
