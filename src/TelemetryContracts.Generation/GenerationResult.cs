namespace TelemetryContracts.Generation;

/// <summary>What a generation run did: files written (new or changed) and files left alone because identical.</summary>
/// <param name="Written">Relative paths written.</param>
/// <param name="Unchanged">Relative paths whose content was already identical (not touched, timestamps kept).</param>
public sealed record GenerationResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged);
