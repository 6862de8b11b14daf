namespace TelemetryContracts.Checks.Clients;

/// <summary>One stream of a Loki <c>streams</c> result: its labels (indexed plus parser-extracted) and lines, newest first or oldest first as asked.</summary>
public sealed record LokiStream(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<LokiEntry> Entries);
