namespace TelemetryContracts.Checks.Clients;

/// <summary>A datasource as <c>GET /api/datasources/uid/{uid}</c> returns it (the fields the checks need).</summary>
public sealed record GrafanaDatasource(string Uid, string Name, string Type);
