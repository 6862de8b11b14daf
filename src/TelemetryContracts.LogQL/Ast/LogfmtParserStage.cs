namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| logfmt</c> with optional flags <c>--strict --keep-empty</c> and extraction parameters.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Strict">True with <c>--strict</c>.</param>
/// <param name="KeepEmpty">True with <c>--keep-empty</c>.</param>
/// <param name="Extractions">Parameters; empty extracts every key.</param>
public sealed record LogfmtParserStage(PositionRange Range, bool Strict, bool KeepEmpty, IReadOnlyList<LabelExtraction> Extractions) : ParserStage(Range)
{
    /// <inheritdoc />
    public override string ParserName => "logfmt";

    /// <inheritdoc />
    public override IEnumerable<Node> Children() => Extractions;
}
