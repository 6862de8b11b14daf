using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>
/// One vector selector with what a lint needs around it: metric name, matchers, position, whether it is a range
/// selector, and the functions/aggregations enclosing it (innermost first), e.g. for
/// <c>histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))</c> the selector <c>x_bucket</c> has
/// enclosing <c>rate</c>, <c>sum</c>, <c>histogram_quantile</c>.
/// </summary>
public sealed record SelectorInfo(
    VectorSelector Selector,
    string? MetricName,
    IReadOnlyList<LabelMatcher> Matchers,
    PositionRange Position,
    MatrixSelector? Range,
    IReadOnlyList<Expr> Enclosing)
{
    /// <summary>The innermost enclosing function call, if any.</summary>
    public Call? EnclosingCall => Enclosing.OfType<Call>().FirstOrDefault();

    /// <summary>The innermost enclosing aggregation, if any.</summary>
    public AggregateExpr? EnclosingAggregation => Enclosing.OfType<AggregateExpr>().FirstOrDefault();

    /// <summary>Names of enclosing functions and aggregations, innermost first.</summary>
    public IEnumerable<string> EnclosingNames => Enclosing.Select(e => e is Call c ? c.Function.Name : ((AggregateExpr)e).Op);
}
