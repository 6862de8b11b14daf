namespace TelemetryContracts.PromQL.Ast;

/// <summary>An aggregation <c>op by|without (labels) ([param,] expr)</c>.</summary>
public sealed class AggregateExpr(string op, Expr expr, Expr? param, IReadOnlyList<string> grouping, bool without, bool groupingWritten) : Expr
{
    /// <summary>The aggregation name in lower case: sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk, count_values, quantile, limitk, limit_ratio.</summary>
    public string Op { get; } = op;

    /// <summary>The aggregated expression.</summary>
    public Expr Expr { get; } = expr;

    /// <summary>The parameter of topk, bottomk, quantile, count_values, limitk, limit_ratio.</summary>
    public Expr? Param { get; } = param;

    /// <summary>Labels of <c>by</c> or <c>without</c>.</summary>
    public IReadOnlyList<string> Grouping { get; } = grouping;

    /// <summary>True for <c>without</c>.</summary>
    public bool Without { get; } = without;

    /// <summary>True when a <c>by</c>/<c>without</c> clause was written (even an empty one).</summary>
    public bool GroupingWritten { get; } = groupingWritten;

    /// <summary>True for aggregations that take a parameter.</summary>
    public static bool TakesParam(string op) => op is "topk" or "bottomk" or "quantile" or "count_values" or "limitk" or "limit_ratio";

    /// <inheritdoc />
    public override ExprType Type => ExprType.Vector;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => Param is null ? [Expr] : [Param, Expr];
}
