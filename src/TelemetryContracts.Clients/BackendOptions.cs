namespace TelemetryContracts.Clients;

/// <summary>Where and how to reach one backend. Every call is bounded by <see cref="Timeout"/> and <see cref="MaxResponseBytes"/>.</summary>
public sealed record BackendOptions
{
    /// <summary>
    /// The base URL including any path prefix: <c>http://mimir:8080/prometheus</c> and
    /// <c>http://victoria:8428/prometheus</c> serve the Prometheus API below that prefix.
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Bearer or basic credentials, or null.</summary>
    public BackendCredentials? Credentials { get; init; }

    /// <summary>The tenant sent as <c>X-Scope-OrgID</c> (Mimir, Loki multi-tenant), or null.</summary>
    public string? TenantId { get; init; }

    /// <summary>Time allowed for a whole call, answer body included. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest answer body accepted. Default 32 MiB.</summary>
    public long MaxResponseBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Creates options for <paramref name="baseUrl"/>.</summary>
    public static BackendOptions For(string baseUrl) => new() { BaseUrl = new Uri(baseUrl, UriKind.Absolute) };

    /// <inheritdoc />
    public override string ToString() =>
        $"BackendOptions {{ BaseUrl = {HttpTransport.DisplayUrl(BaseUrl)}, Credentials = {Credentials?.ToString() ?? "none"}, TenantId = {TenantId ?? "none"}, Timeout = {Timeout}, MaxResponseBytes = {MaxResponseBytes} }}";
}
