namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| label_format a=b, c="{{.d}}"</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Items">The assignments.</param>
public sealed record LabelFormatStage(PositionRange Range, IReadOnlyList<LabelFormatItem> Items) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Items;
}
