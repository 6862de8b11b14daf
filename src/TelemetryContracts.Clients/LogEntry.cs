namespace TelemetryContracts.Clients;

/// <summary>One Loki log line.</summary>
/// <param name="TimestampNanoseconds">Unix time in nanoseconds, as Loki returns it.</param>
/// <param name="Line">The log line.</param>
public readonly record struct LogEntry(long TimestampNanoseconds, string Line);
