using System.Collections.Concurrent;
using TelemetryContracts.Checks.Clients;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Checks;

/// <summary>
/// What a check sees: the contract, the configured backends and typed clients, and answers shared between checks
/// (the scrape, the parsed exposition, the TSDB snapshot) fetched once per run, so the whole pipeline costs a
/// constant number of requests per job rather than one per metric.
/// </summary>
public sealed class CheckContext : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> cache = new(StringComparer.Ordinal);
    private readonly bool ownsHttp;

    // The shared clients send through this so each answer can still become curl-like evidence.
    private readonly ExchangeRecorder recorder;
    private readonly bool ownsRecorderInner;
    private readonly Lazy<global::TelemetryContracts.Clients.GrafanaClient?> grafana;
    private readonly Lazy<global::TelemetryContracts.Clients.LokiClient?> loki;
    private readonly Lazy<global::TelemetryContracts.Clients.PrometheusClient?> prometheus;

    /// <summary>A context for <paramref name="contract"/> and <paramref name="settings"/>; <paramref name="http"/> is created from the settings when null.</summary>
    public CheckContext(TelemetryContract contract, CheckSettings settings, BackendHttp? http = null)
    {
        Contract = contract;
        Settings = settings;
        ownsHttp = http is null;
        Http = http ?? new BackendHttp(settings.RequestTimeout, settings.MaxResponseBytes, settings.HttpHandler);
        MetricsEndpoint = settings.MetricsUrl is { } m ? new BackendEndpoint { Kind = BackendKind.MetricsEndpoint, Url = m, BearerToken = settings.MetricsToken, Username = settings.MetricsUsername, Password = settings.MetricsPassword } : null;
        PrometheusEndpoint = settings.PrometheusUrl is { } p ? new BackendEndpoint { Kind = BackendKind.Prometheus, Url = p, BearerToken = settings.PrometheusToken, Username = settings.PrometheusUsername, Password = settings.PrometheusPassword, Tenant = settings.Tenant } : null;
        LokiEndpoint = settings.LokiUrl is { } l ? new BackendEndpoint { Kind = BackendKind.Loki, Url = l, BearerToken = settings.LokiToken, Username = settings.LokiUsername, Password = settings.LokiPassword, Tenant = settings.Tenant } : null;
        GrafanaEndpoint = settings.GrafanaUrl is { } g ? new BackendEndpoint { Kind = BackendKind.Grafana, Url = g, BearerToken = settings.GrafanaToken, Username = settings.GrafanaUsername, Password = settings.GrafanaPassword } : null;
        Redactor = SecretRedactor.For(new[] { MetricsEndpoint, PrometheusEndpoint, LokiEndpoint, GrafanaEndpoint });
        Now = settings.Clock();
        ownsRecorderInner = settings.HttpHandler is null;
        recorder = new ExchangeRecorder(settings.HttpHandler ?? BackendHttp.CreateHandler(settings.RequestTimeout), settings.MaxResponseBytes);
        prometheus = new(() => PrometheusEndpoint is { } e ? new global::TelemetryContracts.Clients.PrometheusClient(Options(e), recorder) : null);
        loki = new(() => LokiEndpoint is { } e ? new global::TelemetryContracts.Clients.LokiClient(Options(e), recorder) : null);
        grafana = new(() => GrafanaEndpoint is { } e ? new global::TelemetryContracts.Clients.GrafanaClient(Options(e), recorder) : null);
    }

    /// <summary>The contract checked.</summary>
    public TelemetryContract Contract { get; }

    /// <summary>The settings.</summary>
    public CheckSettings Settings { get; }

    /// <summary>The bounded HTTP sender every check uses.</summary>
    public BackendHttp Http { get; }

    /// <summary>"Now", fixed for the whole run so every query looks at the same window.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Scrubs secrets from every finding.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The service's metrics endpoint, or null when not configured.</summary>
    public BackendEndpoint? MetricsEndpoint { get; }

    /// <summary>Prometheus/Mimir/VictoriaMetrics, or null.</summary>
    public BackendEndpoint? PrometheusEndpoint { get; }

    /// <summary>Loki, or null.</summary>
    public BackendEndpoint? LokiEndpoint { get; }

    /// <summary>Grafana, or null.</summary>
    public BackendEndpoint? GrafanaEndpoint { get; }

    /// <summary>The endpoint of a backend kind, or null.</summary>
    public BackendEndpoint? Endpoint(BackendKind kind) => kind switch
    {
        BackendKind.MetricsEndpoint => MetricsEndpoint,
        BackendKind.Prometheus => PrometheusEndpoint,
        BackendKind.Loki => LokiEndpoint,
        _ => GrafanaEndpoint,
    };

    /// <summary>How a user supplies the credential of a backend, for hints.</summary>
    public static string CredentialSource(BackendKind kind) => kind switch
    {
        BackendKind.MetricsEndpoint => "--metrics-token-env NAME, or TC_METRICS_TOKEN in the test kit",
        BackendKind.Prometheus => "--prometheus-token-env NAME, or TC_PROMETHEUS_TOKEN",
        BackendKind.Loki => "--loki-token-env NAME, or TC_LOKI_TOKEN",
        _ => "--grafana-token-env NAME (a service-account token), or TC_GRAFANA_TOKEN",
    };

    /// <summary>The shared Prometheus client, or null when not configured.</summary>
    public global::TelemetryContracts.Clients.PrometheusClient? Prometheus => prometheus.Value;

    /// <summary>One Prometheus call as the checks judge it; a <c>{"status":"error"}</c> answer is an error of the query.</summary>
    internal Task<ApiResponse<T>> AskPrometheusAsync<T>(Func<global::TelemetryContracts.Clients.PrometheusClient, Task<global::TelemetryContracts.Clients.ClientResult<T>>> call)
        where T : class =>
        AskAsync(Prometheus!, PrometheusEndpoint!, call, apiErrorsAreQueryErrors: true);

    /// <summary>The shared Loki client, or null when not configured.</summary>
    public global::TelemetryContracts.Clients.LokiClient? Loki => loki.Value;

    /// <summary>One Loki call as the checks judge it; a <c>{"status":"error"}</c> answer is an error of the query.</summary>
    internal Task<ApiResponse<T>> AskLokiAsync<T>(Func<global::TelemetryContracts.Clients.LokiClient, Task<global::TelemetryContracts.Clients.ClientResult<T>>> call)
        where T : class =>
        AskAsync(Loki!, LokiEndpoint!, call, apiErrorsAreQueryErrors: true);

    /// <summary>The streams of a backward log query over the lookback window; any other result type is not the documented shape.</summary>
    public async Task<ApiResponse<IReadOnlyList<global::TelemetryContracts.Clients.LogStream>>> QueryLokiStreamsAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var r = await AskLokiAsync(l => l.QueryRangeAsync(query, Now - Settings.Lookback, Now, limit, direction: global::TelemetryContracts.Clients.LokiDirection.Backward, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return r.Data is { } d
            ? d.ResultType == global::TelemetryContracts.Clients.QueryResultType.Streams
                ? new(r.Exchange, d.Streams)
                : new(r.Exchange, null, "the answer does not have the documented shape (result type " + d.ResultType + ", not streams)", "bad_shape")
            : new(r.Exchange, null, r.Error, r.ErrorType);
    }

    /// <summary>The shared Grafana client, or null when not configured.</summary>
    public global::TelemetryContracts.Clients.GrafanaClient? Grafana => grafana.Value;

    /// <summary>
    /// One Grafana call as the checks judge it: the typed answer or why there is none, with the exchange as evidence.
    /// Grafana's error bodies only restate the status, so a failed status is reported as that status (401, 404, …).
    /// </summary>
    internal Task<ApiResponse<T>> AskGrafanaAsync<T>(Func<global::TelemetryContracts.Clients.GrafanaClient, Task<global::TelemetryContracts.Clients.ClientResult<T>>> call)
        where T : class =>
        AskAsync(Grafana!, GrafanaEndpoint!, call, apiErrorsAreQueryErrors: false);

    private async Task<ApiResponse<T>> AskAsync<TClient, T>(TClient client, BackendEndpoint endpoint, Func<TClient, Task<global::TelemetryContracts.Clients.ClientResult<T>>> call, bool apiErrorsAreQueryErrors)
        where T : class
    {
        var (result, wire) = await ExchangeRecorder.RecordAsync(() => call(client)).ConfigureAwait(false);
        return ClientAnswers.From(result, wire, endpoint, Settings, apiErrorsAreQueryErrors);
    }

    private global::TelemetryContracts.Clients.BackendOptions Options(BackendEndpoint e) => new()
    {
        BaseUrl = e.Url,
        Credentials = e.BearerToken is { Length: > 0 } token
            ? global::TelemetryContracts.Clients.BackendCredentials.Bearer(token)
            : e.Password is { Length: > 0 } password ? global::TelemetryContracts.Clients.BackendCredentials.Basic(e.Username ?? "", password) : null,
        TenantId = e.Tenant,
        Timeout = Settings.RequestTimeout,
        MaxResponseBytes = Settings.MaxResponseBytes,
    };

    /// <summary>The one scrape of the metrics endpoint this run makes (null when not configured).</summary>
    public async Task<HttpExchange?> GetScrapeAsync(CancellationToken cancellationToken) =>
        (HttpExchange?)await Shared("scrape", async ct => MetricsEndpoint is { } e
            ? await Http.GetAsync(e, null, ct, "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1").ConfigureAwait(false)
            : null, cancellationToken).ConfigureAwait(false);

    /// <summary>The scrape parsed with the format its Content-Type names; null when the scrape failed.</summary>
    public async Task<ExpositionParseResult?> GetExpositionAsync(CancellationToken cancellationToken) =>
        (ExpositionParseResult?)await Shared("exposition", async ct =>
        {
            var scrape = await GetScrapeAsync(ct).ConfigureAwait(false);
            if (scrape is null || !scrape.IsSuccess)
            {
                return null;
            }

            var parser = new ExpositionParser(new ExpositionParserOptions { MaxBytes = Settings.MaxResponseBytes });
            return parser.Parse(scrape.Body, ExpositionParser.FormatFromContentType(scrape.ContentType));
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>The TSDB's view of the job (a constant number of queries; see <see cref="TsdbSnapshot"/>).</summary>
    public async Task<TsdbSnapshot?> GetTsdbSnapshotAsync(CancellationToken cancellationToken) =>
        (TsdbSnapshot?)await Shared("tsdb", async ct => Prometheus is not null ? await TsdbSnapshot.LoadAsync(this, ct).ConfigureAwait(false) : null, cancellationToken).ConfigureAwait(false);

    /// <summary>Loki's label names over the lookback window.</summary>
    public async Task<ApiResponse<IReadOnlyList<string>>?> GetLokiLabelsAsync(CancellationToken cancellationToken) =>
        (ApiResponse<IReadOnlyList<string>>?)await Shared("loki-labels", async ct => Loki is not null ? await AskLokiAsync(l => l.LabelNamesAsync(Now - Settings.Lookback, Now, ct)).ConfigureAwait(false) : null, cancellationToken).ConfigureAwait(false);

    /// <summary>Loki's values of one label over the lookback window.</summary>
    public async Task<ApiResponse<IReadOnlyList<string>>?> GetLokiLabelValuesAsync(string label, CancellationToken cancellationToken) =>
        (ApiResponse<IReadOnlyList<string>>?)await Shared("loki-values:" + label, async ct => Loki is not null ? await AskLokiAsync(l => l.LabelValuesAsync(label, null, Now - Settings.Lookback, Now, ct)).ConfigureAwait(false) : null, cancellationToken).ConfigureAwait(false);

    /// <summary>A result computed once per context and shared by every check that asks.</summary>
    public Task<object?> Shared(string key, Func<CancellationToken, Task<object?>> compute, CancellationToken cancellationToken) =>
        cache.GetOrAdd(key, _ => new Lazy<Task<object?>>(() => compute(cancellationToken))).Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsHttp)
        {
            Http.Dispose();
        }

        if (prometheus.IsValueCreated)
        {
            prometheus.Value?.Dispose();
        }

        if (loki.IsValueCreated)
        {
            loki.Value?.Dispose();
        }

        if (grafana.IsValueCreated)
        {
            grafana.Value?.Dispose();
        }

        // A caller's handler (tests) outlives the context; disposing the recorder would dispose it too.
        if (ownsRecorderInner)
        {
            recorder.Dispose();
        }
    }
}
