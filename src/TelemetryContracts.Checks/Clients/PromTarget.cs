namespace TelemetryContracts.Checks.Clients;

/// <summary>One active target of <c>/api/v1/targets</c>.</summary>
public sealed record PromTarget(IReadOnlyDictionary<string, string> Labels, string ScrapePool, string ScrapeUrl, string Health, string LastError);
