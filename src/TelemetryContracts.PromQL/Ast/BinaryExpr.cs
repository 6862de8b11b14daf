namespace TelemetryContracts.PromQL.Ast;

/// <summary>A binary operation <c>lhs op [bool] [on(...)|ignoring(...)] [group_left(...)|group_right(...)] rhs</c>.</summary>
public sealed class BinaryExpr(Operator op, Expr lhs, Expr rhs, bool returnBool, VectorMatching? matching) : Expr
{
    /// <summary>The operator.</summary>
    public Operator Op { get; } = op;

    /// <summary>The left operand.</summary>
    public Expr Lhs { get; } = lhs;

    /// <summary>The right operand.</summary>
    public Expr Rhs { get; } = rhs;

    /// <summary>The <c>bool</c> modifier.</summary>
    public bool ReturnBool { get; } = returnBool;

    /// <summary>Vector matching; null when either side is a scalar.</summary>
    public VectorMatching? Matching { get; internal set; } = matching;

    /// <inheritdoc />
    public override ExprType Type => Lhs.Type == ExprType.Scalar && Rhs.Type == ExprType.Scalar ? ExprType.Scalar : ExprType.Vector;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Lhs, Rhs];
}
