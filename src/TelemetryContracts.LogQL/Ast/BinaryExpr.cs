namespace TelemetryContracts.LogQL.Ast;

/// <summary>A binary operation between metric expressions, e.g. <c>a / on (x) group_left b</c>.</summary>
/// <param name="Range">Both operands.</param>
/// <param name="Operator">Operator text: <c>or and unless + - * / % ^ == != &gt; &gt;= &lt; &lt;=</c>.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="ReturnBool">True with the <c>bool</c> modifier.</param>
/// <param name="Matching">Vector matching, null when neither on nor ignoring was given.</param>
/// <param name="OperatorRange">Where the operator is.</param>
public sealed record BinaryExpr(PositionRange Range, string Operator, SampleExpr Left, SampleExpr Right, bool ReturnBool, VectorMatching? Matching, PositionRange OperatorRange) : SampleExpr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [Left, Right];
}
