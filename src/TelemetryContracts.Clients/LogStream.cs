namespace TelemetryContracts.Clients;

/// <summary>One Loki stream of a <c>streams</c> result.</summary>
/// <param name="Labels">The stream labels, extracted labels included (<c>| logfmt</c>, <c>| json</c>).</param>
/// <param name="Entries">The entries in the order Loki returned them (the query's direction).</param>
public sealed record LogStream(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<LogEntry> Entries);
