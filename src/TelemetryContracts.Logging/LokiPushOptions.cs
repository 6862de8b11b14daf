namespace TelemetryContracts.Logging;

/// <summary>Options of the <see cref="LokiPushClient"/>.</summary>
public sealed class LokiPushOptions
{
    /// <summary>Loki's base URL, e.g. <c>http://loki:3100</c>; the client posts to <c>/loki/api/v1/push</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Tenant sent as <c>X-Scope-OrgID</c> (multi-tenant Loki); null sends none.</summary>
    public string? TenantId { get; set; }

    /// <summary>Bearer token (Grafana Cloud, gateways); never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Basic auth user; never logged with its password.</summary>
    public string? BasicUsername { get; set; }

    /// <summary>Basic auth password.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>Add the level as a stream label with this name (null: do not). Default <c>level</c>.</summary>
    public string? LevelLabel { get; set; } = "level";

    /// <summary>Labels used when an event has none (Loki rejects a stream without labels).</summary>
    public IDictionary<string, string> FallbackLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["job"] = "telemetry-contracts" };

    /// <summary>Most lines per push request.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long the first line of a batch waits for more before the batch is sent.</summary>
    public TimeSpan BatchWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lines waiting to be sent; beyond it new lines are dropped and counted (the caller is never blocked).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Retries of a batch after a retryable failure (429, 5xx, network error, timeout).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; doubled per attempt with jitter.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest retry delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one push request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Never shows the secrets.</summary>
    public override string ToString() =>
        $"LokiPushOptions {{ Endpoint = {Endpoint}, Tenant = {TenantId ?? "none"}, Bearer = {(BearerToken is null ? "off" : "***")}, Basic = {(BasicUsername is null ? "off" : "***")} }}";
}
