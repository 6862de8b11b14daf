namespace TelemetryContracts.LogQL.Ast;

/// <summary>A line filter such as <c>|= "error" or "warn"</c>. Negative filters chained with <c>or</c> are
/// split into one stage per operand by the parser, as Loki does (<c>!= "a" or "b"</c> means <c>!= "a" != "b"</c>).</summary>
/// <param name="Range">Operator and operands.</param>
/// <param name="Operator">The filter operator.</param>
/// <param name="Terms">One operand, or several joined by <c>or</c>.</param>
public sealed record LineFilterStage(PositionRange Range, LineFilterOperator Operator, IReadOnlyList<LineFilterTerm> Terms) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Terms;
}
