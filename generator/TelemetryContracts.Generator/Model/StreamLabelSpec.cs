namespace TelemetryContracts.Generator.Model;

/// <summary>A stream label: a fixed value, or a reference to a label whose value the logger is given once.</summary>
internal sealed record StreamLabelSpec(string Name, string? FixedValue, string? LabelRef);
