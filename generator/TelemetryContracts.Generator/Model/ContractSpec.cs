namespace TelemetryContracts.Generator.Model;

/// <summary>
/// Everything the emitter needs for one contract.
/// </summary>
/// <remarks>
/// The rule for every spec: a sealed record of strings, numbers, enums, nested specs and
/// <see cref="EquatableArray{T}"/> only — never an <c>ISymbol</c>, <c>SyntaxNode</c>, <c>Compilation</c>,
/// <c>AdditionalText</c>, <c>SourceText</c> or <c>Location</c>. Specs are compared by value between runs; one
/// Roslyn object in here makes every comparison fail and the generator re-emits on each keystroke.
/// </remarks>
internal sealed record ContractSpec(
    string FileName,
    string ServiceName,
    string ClassName,
    string? Description,
    string ScrapeJob,
    EquatableArray<LabelSpec> Labels,
    EquatableArray<MetricSpec> Metrics,
    EquatableArray<LogStreamSpec> LogStreams);
