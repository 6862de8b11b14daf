namespace TelemetryContracts.Checks.Clients;

/// <summary>One element of an instant vector.</summary>
public sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value);
