namespace TelemetryContracts.Generator.Model;

/// <summary>A JSON field of a log line; typed like the label it references, else an object.</summary>
internal sealed record LogFieldSpec(string Name, string ParameterName, string? LabelRef);
