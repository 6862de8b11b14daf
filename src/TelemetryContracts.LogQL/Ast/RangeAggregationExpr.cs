namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>rate(...)</c>, <c>count_over_time(...)</c>, <c>quantile_over_time(0.99, ...) by (x)</c>.</summary>
/// <param name="Range">The whole call including grouping.</param>
/// <param name="Operation">Function name, e.g. <c>rate</c>.</param>
/// <param name="Inner">The log range.</param>
/// <param name="Parameter">The numeric parameter (quantile), if given.</param>
/// <param name="Grouping">Grouping, if given.</param>
/// <param name="OperationRange">Where the function name is.</param>
public sealed record RangeAggregationExpr(PositionRange Range, string Operation, LogRangeExpr Inner, double? Parameter, Grouping? Grouping, PositionRange OperationRange) : SampleExpr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Grouping is null ? [Inner] : [Inner, Grouping];
}
