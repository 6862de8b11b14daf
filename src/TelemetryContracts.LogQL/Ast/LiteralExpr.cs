namespace TelemetryContracts.LogQL.Ast;

/// <summary>A number literal (scalar).</summary>
/// <param name="Range">The literal.</param>
/// <param name="Value">Its value.</param>
public sealed record LiteralExpr(PositionRange Range, double Value) : SampleExpr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
