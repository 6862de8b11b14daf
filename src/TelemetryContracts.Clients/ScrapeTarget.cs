namespace TelemetryContracts.Clients;

/// <summary>One active scrape target of <c>/api/v1/targets</c>.</summary>
/// <param name="DiscoveredLabels">Labels before relabelling (<c>__address__</c>, <c>__metrics_path__</c>, …).</param>
/// <param name="Labels">Labels after relabelling (<c>job</c>, <c>instance</c>, …).</param>
/// <param name="ScrapePool">The scrape pool (job name).</param>
/// <param name="ScrapeUrl">The URL scraped.</param>
/// <param name="LastError">The last scrape error; empty when the last scrape worked.</param>
/// <param name="LastScrape">When it was last scraped.</param>
/// <param name="LastScrapeDurationSeconds">How long the last scrape took.</param>
/// <param name="Health"><c>up</c>, <c>down</c> or <c>unknown</c>.</param>
/// <param name="ScrapeInterval">The scrape interval (Prometheus only; VictoriaMetrics leaves it out).</param>
/// <param name="ScrapeTimeout">The scrape timeout (Prometheus only).</param>
/// <param name="LastSamplesScraped">Samples in the last scrape (VictoriaMetrics only).</param>
public sealed record ScrapeTarget(
    IReadOnlyDictionary<string, string> DiscoveredLabels,
    IReadOnlyDictionary<string, string> Labels,
    string? ScrapePool,
    string? ScrapeUrl,
    string LastError,
    DateTimeOffset? LastScrape,
    double? LastScrapeDurationSeconds,
    string Health,
    string? ScrapeInterval,
    string? ScrapeTimeout,
    long? LastSamplesScraped)
{
    /// <summary>True when the target's health is <c>up</c>.</summary>
    public bool IsUp => Health == "up";
}
