namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>addr = ip("10.0.0.0/8")</c>.</summary>
/// <param name="Range">The filter.</param>
/// <param name="Label">Label name.</param>
/// <param name="Negated">True for <c>!=</c>.</param>
/// <param name="Pattern">IP, CIDR or range.</param>
/// <param name="LabelRange">Where the label name is.</param>
/// <param name="PatternRange">Where the quoted pattern is.</param>
public sealed record IpLabelFilter(PositionRange Range, string Label, bool Negated, string Pattern, PositionRange LabelRange, PositionRange PatternRange) : LabelFilter(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
