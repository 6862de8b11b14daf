namespace TelemetryContracts.LogQL.Ast;

/// <summary>A stage that extracts labels from the line: json, logfmt, regexp, pattern, unpack.</summary>
public abstract record ParserStage(PositionRange Range) : PipelineStage(Range)
{
    /// <summary>The parser keyword: <c>json</c>, <c>logfmt</c>, <c>regexp</c>, <c>pattern</c> or <c>unpack</c>.</summary>
    public abstract string ParserName { get; }
}
