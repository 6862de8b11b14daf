namespace TelemetryContracts.LogQL.Ast;

/// <summary>One <c>dst=src</c> (rename) or <c>dst="{{template}}"</c> of label_format.</summary>
/// <param name="Range">The item.</param>
/// <param name="Label">Destination label.</param>
/// <param name="Value">Source label (rename) or template.</param>
/// <param name="IsRename">True when the value is a label name rather than a template.</param>
public sealed record LabelFormatItem(PositionRange Range, string Label, string Value, bool IsRename) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
