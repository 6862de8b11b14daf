namespace TelemetryContracts.Clients;

/// <summary>The answer of <c>/api/v1/targets</c>.</summary>
/// <param name="Active">Targets being scraped.</param>
/// <param name="DroppedDiscoveredLabels">Discovered label sets of targets dropped by relabelling.</param>
public sealed record ScrapeTargets(IReadOnlyList<ScrapeTarget> Active, IReadOnlyList<IReadOnlyDictionary<string, string>> DroppedDiscoveredLabels);
