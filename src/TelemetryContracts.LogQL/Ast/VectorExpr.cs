namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>vector(0)</c>.</summary>
/// <param name="Range">The call.</param>
/// <param name="Value">The constant.</param>
public sealed record VectorExpr(PositionRange Range, double Value) : SampleExpr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
