namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>sum by (a) (...)</c>, <c>topk(5, ...)</c>.</summary>
/// <param name="Range">The whole aggregation.</param>
/// <param name="Operation">Aggregation name.</param>
/// <param name="Inner">Aggregated expression.</param>
/// <param name="Grouping">Grouping, if given.</param>
/// <param name="Parameter">The integer parameter of topk/bottomk/approx_topk.</param>
/// <param name="OperationRange">Where the name is.</param>
public sealed record VectorAggregationExpr(PositionRange Range, string Operation, SampleExpr Inner, Grouping? Grouping, int? Parameter, PositionRange OperationRange) : SampleExpr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Grouping is null ? [Inner] : [Grouping, Inner];
}
