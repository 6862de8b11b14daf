namespace TelemetryContracts.PromQL.Tests.Corpus;

/// <summary>One PromQL expression from the shared corpus: where it came from, and whether the source says it must fail.</summary>
public sealed record CorpusExpression(string Source, string Expression, bool MarkedFailing);
