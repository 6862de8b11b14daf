namespace TelemetryContracts.PromQL.Ast;

/// <summary>A subquery <c>expr[range:step] @ t offset d</c>.</summary>
public sealed class SubqueryExpr(Expr expr, long rangeMs, DurationExpr? rangeExpr, long stepMs, DurationExpr? stepExpr) : Expr, IModifiable
{
    /// <summary>The inner expression (must be an instant vector).</summary>
    public Expr Expr { get; } = expr;

    /// <summary>The range in milliseconds.</summary>
    public long RangeMs { get; } = rangeMs;

    /// <summary>The range as a duration expression (newer syntax).</summary>
    public DurationExpr? RangeExpr { get; } = rangeExpr;

    /// <summary>The step in milliseconds; 0 means the default evaluation interval.</summary>
    public long StepMs { get; } = stepMs;

    /// <summary>The step as a duration expression (newer syntax).</summary>
    public DurationExpr? StepExpr { get; } = stepExpr;

    /// <inheritdoc />
    public long OffsetMs { get; set; }

    /// <inheritdoc />
    public DurationExpr? OffsetExpr { get; set; }

    /// <inheritdoc />
    public AtKind At { get; set; }

    /// <inheritdoc />
    public long AtMs { get; set; }

    /// <inheritdoc />
    public override ExprType Type => ExprType.Matrix;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [Expr];
}
