namespace TelemetryContracts.Checks.Clients;

/// <summary>One log line with its timestamp in Unix nanoseconds.</summary>
public sealed record LokiEntry(long TimestampNanoseconds, string Line);
