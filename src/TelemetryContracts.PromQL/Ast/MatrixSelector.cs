namespace TelemetryContracts.PromQL.Ast;

/// <summary>A range vector selector <c>selector[range]</c>; offset and @ live on <see cref="VectorSelector"/>, as in Prometheus.</summary>
public sealed class MatrixSelector(VectorSelector vectorSelector, long rangeMs, DurationExpr? rangeExpr) : Expr
{
    /// <summary>The selector the range applies to.</summary>
    public VectorSelector VectorSelector { get; } = vectorSelector;

    /// <summary>The range in milliseconds (0 when given by a non-constant <see cref="RangeExpr"/>).</summary>
    public long RangeMs { get; } = rangeMs;

    /// <summary>The range when written as a duration expression (newer syntax).</summary>
    public DurationExpr? RangeExpr { get; } = rangeExpr;

    /// <inheritdoc />
    public override ExprType Type => ExprType.Matrix;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [VectorSelector];
}
