namespace TelemetryContracts.PromQL.Ast;

/// <summary>A parenthesised expression.</summary>
public sealed class ParenExpr(Expr expr) : Expr
{
    /// <summary>The inner expression.</summary>
    public Expr Expr { get; } = expr;

    /// <inheritdoc />
    public override ExprType Type => Expr.Type;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Expr];
}
