namespace TelemetryContracts.Clients;

/// <summary><c>GET /api/health</c>.</summary>
/// <param name="Commit">The build commit.</param>
/// <param name="Database"><c>ok</c> when Grafana reaches its database.</param>
/// <param name="Version">The Grafana version.</param>
public sealed record GrafanaHealth(string? Commit, string? Database, string? Version);
