namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| unpack</c> (Promtail pack format).</summary>
/// <param name="Range">The stage including the pipe.</param>
public sealed record UnpackParserStage(PositionRange Range) : ParserStage(Range)
{
    /// <inheritdoc />
    public override string ParserName => "unpack";

    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
