namespace TelemetryContracts.LogQL.Ast;

/// <summary>A parameter of <c>json</c> or <c>logfmt</c>: <c>label="path"</c> or a bare label.</summary>
/// <param name="Range">The parameter.</param>
/// <param name="Label">Extracted label name.</param>
/// <param name="Expression">Path expression (the label itself when bare).</param>
/// <param name="LabelRange">Where the label name is.</param>
public sealed record LabelExtraction(PositionRange Range, string Label, string Expression, PositionRange LabelRange) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
