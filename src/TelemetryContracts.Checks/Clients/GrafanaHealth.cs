namespace TelemetryContracts.Checks.Clients;

/// <summary><c>GET /api/health</c>: <c>{"database":"ok","version":"…"}</c>.</summary>
public sealed record GrafanaHealth(string Database, string? Version);
