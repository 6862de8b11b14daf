namespace TelemetryContracts.PromQL.Ast;

/// <summary>A unary <c>-expr</c> or <c>+expr</c> (signs on number literals are folded into the literal instead).</summary>
public sealed class UnaryExpr(Operator op, Expr expr) : Expr
{
    /// <summary><see cref="Operator.Add"/> or <see cref="Operator.Sub"/>.</summary>
    public Operator Op { get; } = op;

    /// <summary>The operand.</summary>
    public Expr Expr { get; } = expr;

    /// <inheritdoc />
    public override ExprType Type => Expr.Type;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Expr];
}
