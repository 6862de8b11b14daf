namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| line_format "{{.msg}}"</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Template">The Go template.</param>
public sealed record LineFormatStage(PositionRange Range, string Template) : PipelineStage(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
