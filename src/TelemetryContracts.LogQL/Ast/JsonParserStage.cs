namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| json</c>, optionally with extraction parameters <c>| json a="b.c", d</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Extractions">Parameters; empty extracts every field.</param>
public sealed record JsonParserStage(PositionRange Range, IReadOnlyList<LabelExtraction> Extractions) : ParserStage(Range)
{
    /// <inheritdoc />
    public override string ParserName => "json";

    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Extractions;
}
