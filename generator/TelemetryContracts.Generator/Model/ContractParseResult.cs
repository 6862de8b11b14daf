namespace TelemetryContracts.Generator.Model;

/// <summary>The outcome of parsing one contract file: the spec (null when nothing can be emitted) and its diagnostics.</summary>
internal sealed record ContractParseResult(string FilePath, ContractSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
