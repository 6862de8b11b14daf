namespace TelemetryContracts.PromQL.Ast;

/// <summary>A number such as <c>1</c>, <c>0x1F</c>, <c>1e3</c>, <c>Inf</c> or <c>NaN</c> (a leading minus is folded in).</summary>
public sealed class NumberLiteral(double value) : Expr
{
    /// <summary>The value.</summary>
    public double Value { get; internal set; } = value;

    /// <inheritdoc />
    public override ExprType Type => ExprType.Scalar;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [];
}
