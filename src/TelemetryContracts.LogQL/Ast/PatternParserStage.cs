namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| pattern "&lt;ip&gt; - &lt;_&gt;"</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Expression">The pattern.</param>
public sealed record PatternParserStage(PositionRange Range, string Expression) : ParserStage(Range)
{
    /// <inheritdoc />
    public override string ParserName => "pattern";

    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
