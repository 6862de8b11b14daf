using System.Globalization;
using System.Text.Json;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Clients;

/// <summary>
/// The Prometheus HTTP API as served by Prometheus, Mimir and VictoriaMetrics (put their <c>/prometheus</c> prefix in
/// <see cref="BackendOptions.BaseUrl"/>), plus fetching and parsing a service's <c>/metrics</c> endpoint.
/// Every method returns a <see cref="ClientResult{T}"/>; HTTP and network failures never throw.
/// </summary>
public sealed class PrometheusClient : IDisposable
{
    // What Prometheus 2.x sends when scraping: OpenMetrics first, then the text format.
    private const string ScrapeAccept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private const string Json = "application/json";
    private readonly HttpTransport transport;

    // For /metrics endpoints on another origin: same limits, no credentials or tenant.
    private readonly HttpTransport anonymous;

    /// <summary>Creates a client; <paramref name="handler"/> replaces the network stack (tests), and is not disposed.</summary>
    public PrometheusClient(BackendOptions options, HttpMessageHandler? handler = null)
    {
        transport = new HttpTransport(options, handler);
        anonymous = new HttpTransport(options with { Credentials = null, TenantId = null }, handler);
    }

    /// <summary>The options in force.</summary>
    public BackendOptions Options => transport.Options;

    /// <summary><c>GET /api/v1/query</c>: an instant query at <paramref name="time"/> (the server's now when null).</summary>
    public Task<ClientResult<QueryData>> QueryAsync(string query, DateTimeOffset? time = null, CancellationToken cancellationToken = default)
    {
        var q = new List<KeyValuePair<string, string>> { new("query", query) };
        if (time is not null)
        {
            q.Add(new("time", ApiJson.UnixSeconds(time.Value)));
        }

        return GetEnvelopeAsync("/api/v1/query", q, ApiJson.QueryData, cancellationToken);
    }

    /// <summary><c>GET /api/v1/query_range</c>.</summary>
    public Task<ClientResult<QueryData>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, TimeSpan step, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/api/v1/query_range", new List<KeyValuePair<string, string>>
        {
            new("query", query), new("start", ApiJson.UnixSeconds(start)), new("end", ApiJson.UnixSeconds(end)),
            new("step", step.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
        }, ApiJson.QueryData, cancellationToken);

    /// <summary><c>GET /api/v1/series</c>: the label sets of series matching any of <paramref name="matchers"/>.</summary>
    public Task<ClientResult<IReadOnlyList<IReadOnlyDictionary<string, string>>>> SeriesAsync(IEnumerable<string> matchers, DateTimeOffset? start = null, DateTimeOffset? end = null, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/api/v1/series", Range(matchers, start, end), (d, _) => ApiJson.LabelSets(d), cancellationToken);

    /// <summary><c>GET /api/v1/labels</c>: label names, optionally only of series matching <paramref name="matchers"/>.</summary>
    public Task<ClientResult<IReadOnlyList<string>>> LabelNamesAsync(IEnumerable<string>? matchers = null, DateTimeOffset? start = null, DateTimeOffset? end = null, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/api/v1/labels", Range(matchers, start, end), (d, _) => ApiJson.Strings(d), cancellationToken);

    /// <summary><c>GET /api/v1/label/&lt;name&gt;/values</c>.</summary>
    public Task<ClientResult<IReadOnlyList<string>>> LabelValuesAsync(string label, IEnumerable<string>? matchers = null, DateTimeOffset? start = null, DateTimeOffset? end = null, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync($"/api/v1/label/{Uri.EscapeDataString(label)}/values", Range(matchers, start, end), (d, _) => ApiJson.Strings(d), cancellationToken);

    /// <summary><c>GET /api/v1/targets</c>, with <paramref name="state"/> <c>active</c>, <c>dropped</c> or <c>any</c> (null: server default).</summary>
    public Task<ClientResult<ScrapeTargets>> TargetsAsync(string? state = null, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/api/v1/targets", state is null ? [] : [new("state", state)], (d, _) => ReadTargets(d), cancellationToken);

    /// <summary><c>GET /api/v1/format_query</c>: the query as Prometheus prettifies it (Prometheus 2.38+; VictoriaMetrics answers 400).</summary>
    public Task<ClientResult<string>> FormatQueryAsync(string query, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/api/v1/format_query", [new("query", query)], (d, _) => d.GetString() ?? throw new ApiJson.ShapeException("data is not a string"), cancellationToken);

    /// <summary><c>GET /api/v1/status/buildinfo</c>.</summary>
    public Task<ClientResult<BuildInfo>> BuildInfoAsync(CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/api/v1/status/buildinfo", [], (d, _) => ApiJson.BuildInfo(d), cancellationToken);

    /// <summary>
    /// <c>GET /-/ready</c>. With a path prefix (<c>/prometheus</c>) the probe goes below it first; VictoriaMetrics
    /// answers 400 "unsupported path" there and Mimir has no such route, so on 400/404 the server root's
    /// <c>/-/ready</c> (VictoriaMetrics) and then <c>/ready</c> (Mimir) are tried.
    /// </summary>
    public async Task<ClientResult<ReadyStatus>> ReadyAsync(CancellationToken cancellationToken = default)
    {
        var candidates = new List<Uri> { transport.Resolve("/-/ready") };
        if (Options.BaseUrl.AbsolutePath.Trim('/').Length > 0)
        {
            var root = new Uri(Options.BaseUrl.GetLeftPart(UriPartial.Authority));
            candidates.Add(new Uri(root, "/-/ready"));
            candidates.Add(new Uri(root, "/ready"));
        }

        ClientResult<RawResponse>? last = null;
        foreach (var url in candidates)
        {
            last = await transport.SendAsync(HttpMethod.Get, url, null, "text/plain, */*", cancellationToken).ConfigureAwait(false);
            if (!last.IsSuccess || last.Value.StatusCode is not (400 or 404))
            {
                break;
            }
        }

        return last!.Map(x => new ReadyStatus(x.IsSuccess, x.StatusCode, transport.Redact(x.Text.Trim())));
    }

    /// <summary>
    /// Fetches a <c>/metrics</c> endpoint as Prometheus would (OpenMetrics preferred, text format accepted) and parses
    /// the body while it streams in. The credentials and tenant of this client are sent only when the endpoint has the
    /// same scheme, host and port as <see cref="BackendOptions.BaseUrl"/>, so a token never travels to another host.
    /// A syntax error in the exposition is part of the returned <see cref="ExpositionParseResult"/>, not a failure.
    /// </summary>
    public Task<ClientResult<ExpositionParseResult>> GetExpositionAsync(Uri metricsUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metricsUrl);
        var sameOrigin = Uri.Compare(metricsUrl, Options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        var t = sameOrigin ? transport : anonymous;
        return t.SendAsync(HttpMethod.Get, metricsUrl, null, ScrapeAccept, async (response, stream, display, ct) =>
        {
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300)
            {
                var body = new byte[Math.Min(4096, Options.MaxResponseBytes)];
                var n = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                var raw = new RawResponse(status, response.Content.Headers.ContentType?.ToString(), body[..n], display);
                return ClientResult<ExpositionParseResult>.Fail(t.StatusFailure(raw, null));
            }

            var format = ExpositionParser.FormatFromContentType(response.Content.Headers.ContentType?.ToString());
            var parser = new ExpositionParser(new ExpositionParserOptions { MaxBytes = Options.MaxResponseBytes });
            var parsed = await parser.ParseAsync(stream, format, ct).ConfigureAwait(false);
            if (parsed.Error is { IsLimitExceeded: true } && parsed.Bytes > Options.MaxResponseBytes)
            {
                return ClientResult<ExpositionParseResult>.Fail(t.TooLarge(display, status));
            }

            return ClientResult<ExpositionParseResult>.Ok(parsed);
        }, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> Range(IEnumerable<string>? matchers, DateTimeOffset? start, DateTimeOffset? end) =>
        ApiJson.MatchersAndRange(matchers, start, end, ApiJson.UnixSeconds);

    private async Task<ClientResult<T>> GetEnvelopeAsync<T>(string path, List<KeyValuePair<string, string>> query, Func<JsonElement, JsonElement, T> read, CancellationToken cancellationToken)
    {
        var r = await transport.SendAsync(HttpMethod.Get, transport.Resolve(path, query), null, Json, cancellationToken).ConfigureAwait(false);
        return r.IsSuccess ? ApiJson.Envelope(transport, r.Value, read) : ClientResult<T>.Fail(r.Failure);
    }

    private static ScrapeTargets ReadTargets(JsonElement data)
    {
        var active = new List<ScrapeTarget>();
        if (data.TryGetProperty("activeTargets", out var a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in a.EnumerateArray())
            {
                active.Add(new ScrapeTarget(
                    t.TryGetProperty("discoveredLabels", out var dl) ? ApiJson.Labels(dl) : new Dictionary<string, string>(),
                    t.TryGetProperty("labels", out var l) ? ApiJson.Labels(l) : new Dictionary<string, string>(),
                    ApiJson.OptionalString(t, "scrapePool"),
                    ApiJson.OptionalString(t, "scrapeUrl"),
                    ApiJson.OptionalString(t, "lastError") ?? string.Empty,
                    DateTimeOffset.TryParse(ApiJson.OptionalString(t, "lastScrape"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ls) ? ls : null,
                    t.TryGetProperty("lastScrapeDuration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : null,
                    ApiJson.OptionalString(t, "health") ?? "unknown",
                    ApiJson.OptionalString(t, "scrapeInterval"),
                    ApiJson.OptionalString(t, "scrapeTimeout"),
                    t.TryGetProperty("lastSamplesScraped", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null));
            }
        }

        var dropped = new List<IReadOnlyDictionary<string, string>>();
        if (data.TryGetProperty("droppedTargets", out var dr) && dr.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in dr.EnumerateArray())
            {
                dropped.Add(t.TryGetProperty("discoveredLabels", out var dl) ? ApiJson.Labels(dl) : new Dictionary<string, string>());
            }
        }

        return new ScrapeTargets(active, dropped);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        transport.Dispose();
        anonymous.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"PrometheusClient({Options})";
}
