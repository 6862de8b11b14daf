namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>label_replace(expr, "dst", "$1", "src", "(.*)")</c>.</summary>
/// <param name="Range">The call.</param>
/// <param name="Inner">The metric expression.</param>
/// <param name="Destination">Destination label.</param>
/// <param name="Replacement">Replacement template.</param>
/// <param name="Source">Source label.</param>
/// <param name="Regex">Regular expression (anchored by Loki).</param>
public sealed record LabelReplaceExpr(PositionRange Range, SampleExpr Inner, string Destination, string Replacement, string Source, string Regex) : SampleExpr(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [Inner];
}
