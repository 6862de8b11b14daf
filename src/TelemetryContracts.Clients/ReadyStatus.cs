namespace TelemetryContracts.Clients;

/// <summary>
/// A readiness probe's answer. Not ready is a value, not a failure: Loki answers 503 for about 16 s after start
/// (<c>Ingester not ready: waiting for 15s after being ready</c>) and callers poll.
/// </summary>
/// <param name="IsReady">True on HTTP 200.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Message">The trimmed body text.</param>
public sealed record ReadyStatus(bool IsReady, int StatusCode, string Message);
