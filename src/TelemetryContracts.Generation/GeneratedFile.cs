namespace TelemetryContracts.Generation;

/// <summary>One generated file: where it goes (relative, forward slashes) and its exact text (UTF-8, LF).</summary>
/// <param name="RelativePath">Path inside the output folder.</param>
/// <param name="Content">File content.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
