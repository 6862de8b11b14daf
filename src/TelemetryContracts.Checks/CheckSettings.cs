namespace TelemetryContracts.Checks;

/// <summary>
/// Which backends to check and how to reach them. URLs may be null (that backend's checks are skipped with a reason).
/// Secrets are set here by the caller from environment variables or files, never from command-line values.
/// </summary>
public sealed record CheckSettings
{
    /// <summary>The service's metrics URL, e.g. <c>http://127.0.0.1:8080/metrics</c>.</summary>
    public Uri? MetricsUrl { get; init; }

    /// <summary>Bearer token for the metrics endpoint.</summary>
    public string? MetricsToken { get; init; }

    /// <summary>Basic-auth user for the metrics endpoint.</summary>
    public string? MetricsUsername { get; init; }

    /// <summary>Basic-auth password for the metrics endpoint.</summary>
    public string? MetricsPassword { get; init; }

    /// <summary>Prometheus' base URL; for Mimir and VictoriaMetrics include the prefix, e.g. <c>http://mimir:8080/prometheus</c>.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>Bearer token for Prometheus/Mimir.</summary>
    public string? PrometheusToken { get; init; }

    /// <summary>Basic-auth user for Prometheus/Mimir.</summary>
    public string? PrometheusUsername { get; init; }

    /// <summary>Basic-auth password for Prometheus/Mimir.</summary>
    public string? PrometheusPassword { get; init; }

    /// <summary>Loki's base URL.</summary>
    public Uri? LokiUrl { get; init; }

    /// <summary>Bearer token for Loki.</summary>
    public string? LokiToken { get; init; }

    /// <summary>Basic-auth user for Loki.</summary>
    public string? LokiUsername { get; init; }

    /// <summary>Basic-auth password for Loki.</summary>
    public string? LokiPassword { get; init; }

    /// <summary>Grafana's base URL.</summary>
    public Uri? GrafanaUrl { get; init; }

    /// <summary>Grafana service-account token.</summary>
    public string? GrafanaToken { get; init; }

    /// <summary>Grafana basic-auth user.</summary>
    public string? GrafanaUsername { get; init; }

    /// <summary>Grafana basic-auth password.</summary>
    public string? GrafanaPassword { get; init; }

    /// <summary>The tenant (<c>X-Scope-OrgID</c>) for Mimir and Loki.</summary>
    public string? Tenant { get; init; }

    /// <summary>Generated dashboard JSON files or folders whose datasource UIDs and dashboard UIDs Grafana must have.</summary>
    public IReadOnlyList<string> DashboardPaths { get; init; } = Array.Empty<string>();

    /// <summary>The bound of each request (connect, headers and body).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The bound of the whole run.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest answer read from any backend.</summary>
    public long MaxResponseBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>"Now" for the TSDB: a metric must have samples this recent.</summary>
    public TimeSpan RecentWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back "has it ever existed" looks (TSDB and Loki).</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Rule IDs whose findings are dropped (e.g. <c>TC5027</c> while a closed value is known not to occur yet).</summary>
    public IReadOnlySet<string> IgnoredRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The clock; tests pin it to replay recordings.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The HTTP handler to use instead of a real socket handler (recorded answers in tests).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Every secret set above, for redaction.</summary>
    public IEnumerable<string?> Secrets() => new[]
    {
        MetricsToken, MetricsPassword, PrometheusToken, PrometheusPassword, LokiToken, LokiPassword, GrafanaToken, GrafanaPassword,
    };

    /// <inheritdoc />
    /// <remarks>Secrets are shown only as set/unset, so a settings object logged by mistake leaks nothing.</remarks>
    public override string ToString() =>
        $"metrics={MetricsUrl} prometheus={PrometheusUrl} loki={LokiUrl} grafana={GrafanaUrl} tenant={Tenant} " +
        $"secrets={(Secrets().Any(s => s is { Length: > 0 }) ? "set (hidden)" : "none")}";
}
