namespace TelemetryContracts.Clients;

/// <summary>One stream to push to Loki: its labels and entries.</summary>
/// <param name="Labels">The stream labels (at least one).</param>
/// <param name="Entries">The entries.</param>
public sealed record LogPushStream(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<LogEntry> Entries);
