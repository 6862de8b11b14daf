namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>a and b</c> (also <c>a, b</c> and <c>a b</c>) or <c>a or b</c>.</summary>
/// <param name="Range">Both operands.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="IsAnd">True for and, false for or.</param>
public sealed record BinaryLabelFilter(PositionRange Range, LabelFilter Left, LabelFilter Right, bool IsAnd) : LabelFilter(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [Left, Right];
}
