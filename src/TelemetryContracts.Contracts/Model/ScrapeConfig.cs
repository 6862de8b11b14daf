namespace TelemetryContracts.Contracts;

/// <summary>How Prometheus scrapes the service.</summary>
public sealed record ScrapeConfig : ModelElement
{
    /// <summary>The Prometheus <c>job</c> label.</summary>
    public string Job { get; init; } = "";

    /// <summary>The port serving <see cref="Path"/>.</summary>
    public int Port { get; init; }

    /// <summary>The metrics path, <c>/metrics</c> by default.</summary>
    public string Path { get; init; } = "/metrics";

    /// <summary><c>http</c> or <c>https</c>.</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>The host the scraper reaches the service by (e.g. its Compose service name); the service name when absent.</summary>
    public string? Host { get; init; }

    /// <summary>The scrape interval as a Prometheus duration (e.g. <c>15s</c>), when the contract sets one.</summary>
    public string? Interval { get; init; }

    /// <summary>Authentication the scraper must send.</summary>
    public ScrapeAuth Auth { get; init; } = ScrapeAuth.None;
}
