using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TelemetryContracts.Clients;

/// <summary>
/// The Loki HTTP API (checked against recordings of a real Loki 2.9.9). Times are sent as Unix nanoseconds. Loki's
/// plain-text error bodies become typed <see cref="ApiError"/>s (LogQL parse errors carry line and column).
/// </summary>
public sealed class LokiClient : IDisposable
{
    private const string Json = "application/json";
    private readonly HttpTransport transport;

    /// <summary>Creates a client; <paramref name="handler"/> replaces the network stack (tests), and is not disposed.</summary>
    public LokiClient(BackendOptions options, HttpMessageHandler? handler = null)
    {
        transport = new HttpTransport(options, handler);
    }

    /// <summary>The options in force.</summary>
    public BackendOptions Options => transport.Options;

    /// <summary><c>GET /ready</c>: 503 with a reason while starting, then 200 <c>ready</c>.</summary>
    public async Task<ClientResult<ReadyStatus>> ReadyAsync(CancellationToken cancellationToken = default)
    {
        var r = await transport.SendAsync(HttpMethod.Get, transport.Resolve("/ready"), null, "text/plain, */*", cancellationToken).ConfigureAwait(false);
        return r.Map(x => new ReadyStatus(x.IsSuccess, x.StatusCode, transport.Redact(x.Text.Trim())));
    }

    /// <summary><c>GET /loki/api/v1/status/buildinfo</c>.</summary>
    public Task<ClientResult<BuildInfo>> BuildInfoAsync(CancellationToken cancellationToken = default) =>
        GetDocumentAsync("/loki/api/v1/status/buildinfo", [], ApiJson.BuildInfo, cancellationToken);

    /// <summary><c>GET /loki/api/v1/labels</c>.</summary>
    public Task<ClientResult<IReadOnlyList<string>>> LabelNamesAsync(DateTimeOffset? start = null, DateTimeOffset? end = null, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/loki/api/v1/labels", Range(null, start, end), (d, _) => ApiJson.Strings(d), cancellationToken);

    /// <summary>
    /// <c>GET /loki/api/v1/label/&lt;name&gt;/values</c>, optionally within the streams of <paramref name="query"/>.
    /// An unknown label answers <c>{"status":"success"}</c> without data: an empty list.
    /// </summary>
    public Task<ClientResult<IReadOnlyList<string>>> LabelValuesAsync(string label, string? query = null, DateTimeOffset? start = null, DateTimeOffset? end = null, CancellationToken cancellationToken = default)
    {
        var q = new List<KeyValuePair<string, string>>();
        if (query is not null)
        {
            q.Add(new("query", query));
        }

        q.AddRange(Range(null, start, end));
        return GetEnvelopeAsync($"/loki/api/v1/label/{Uri.EscapeDataString(label)}/values", q, (d, _) => ApiJson.Strings(d), cancellationToken);
    }

    /// <summary><c>GET /loki/api/v1/series</c>. Without matchers Loki returns every series in the range.</summary>
    public Task<ClientResult<IReadOnlyList<IReadOnlyDictionary<string, string>>>> SeriesAsync(IEnumerable<string> matchers, DateTimeOffset? start = null, DateTimeOffset? end = null, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/loki/api/v1/series", Range(matchers, start, end), (d, _) => ApiJson.LabelSets(d), cancellationToken);

    /// <summary><c>GET /loki/api/v1/query</c>: an instant query (a log selector returns streams, a metric query a vector).</summary>
    public Task<ClientResult<QueryData>> QueryAsync(string query, DateTimeOffset? time = null, int? limit = null, LokiDirection? direction = null, CancellationToken cancellationToken = default)
    {
        var q = new List<KeyValuePair<string, string>> { new("query", query) };
        if (time is not null)
        {
            q.Add(new("time", Nanoseconds(time.Value)));
        }

        AddLimitAndDirection(q, limit, direction);
        return GetEnvelopeAsync("/loki/api/v1/query", q, ApiJson.QueryData, cancellationToken);
    }

    /// <summary><c>GET /loki/api/v1/query_range</c>: streams for a log query, a matrix for a metric query.</summary>
    public Task<ClientResult<QueryData>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, int? limit = null, TimeSpan? step = null, LokiDirection? direction = null, CancellationToken cancellationToken = default)
    {
        var q = new List<KeyValuePair<string, string>> { new("query", query), new("start", Nanoseconds(start)), new("end", Nanoseconds(end)) };
        AddLimitAndDirection(q, limit, direction);
        if (step is not null)
        {
            q.Add(new("step", step.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
        }

        return GetEnvelopeAsync("/loki/api/v1/query_range", q, ApiJson.QueryData, cancellationToken);
    }

    /// <summary><c>GET /loki/api/v1/format_query</c>: the LogQL as Loki prettifies it; a bad query fails with a parse_error <see cref="ApiError"/>.</summary>
    public Task<ClientResult<string>> FormatQueryAsync(string query, CancellationToken cancellationToken = default) =>
        GetEnvelopeAsync("/loki/api/v1/format_query", [new("query", query)], (d, _) => d.GetString() ?? throw new ApiJson.ShapeException("data is not a string"), cancellationToken);

    /// <summary><c>GET /loki/api/v1/index/stats</c>.</summary>
    public Task<ClientResult<LokiIndexStats>> IndexStatsAsync(string query, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default) =>
        GetDocumentAsync("/loki/api/v1/index/stats", [new("query", query), new("start", Nanoseconds(start)), new("end", Nanoseconds(end))],
            d => new LokiIndexStats(d.GetProperty("streams").GetInt64(), d.GetProperty("chunks").GetInt64(), d.GetProperty("bytes").GetInt64(), d.GetProperty("entries").GetInt64()),
            cancellationToken);

    /// <summary><c>POST /loki/api/v1/push</c> as JSON; Loki answers 204 with no body.</summary>
    public async Task<ClientResult<bool>> PushAsync(IReadOnlyList<LogPushStream> streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var content = new ByteArrayContent(PushBody(streams));
        content.Headers.ContentType = new MediaTypeHeaderValue(Json);
        var r = await transport.SendAsync(HttpMethod.Post, transport.Resolve("/loki/api/v1/push"), content, "*/*", cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess)
        {
            return ClientResult<bool>.Fail(r.Failure);
        }

        return r.Value.IsSuccess ? ClientResult<bool>.Ok(true) : ClientResult<bool>.Fail(ErrorFailure(r.Value));
    }

    /// <summary>The JSON push body: <c>{"streams":[{"stream":{…},"values":[["&lt;ns&gt;","line"],…]}]}</c>.</summary>
    internal static byte[] PushBody(IReadOnlyList<LogPushStream> streams)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("streams");
            foreach (var s in streams)
            {
                w.WriteStartObject();
                w.WriteStartObject("stream");
                foreach (var (k, v) in s.Labels)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
                w.WriteStartArray("values");
                foreach (var e in s.Entries)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(e.TimestampNanoseconds.ToString(CultureInfo.InvariantCulture));
                    w.WriteStringValue(e.Line);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Unix nanoseconds, Loki's native time parameter.</summary>
    internal static string Nanoseconds(DateTimeOffset t) =>
        ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(CultureInfo.InvariantCulture);

    private static void AddLimitAndDirection(List<KeyValuePair<string, string>> q, int? limit, LokiDirection? direction)
    {
        if (limit is not null)
        {
            q.Add(new("limit", limit.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (direction is not null)
        {
            q.Add(new("direction", direction == LokiDirection.Forward ? "forward" : "backward"));
        }
    }

    private static List<KeyValuePair<string, string>> Range(IEnumerable<string>? matchers, DateTimeOffset? start, DateTimeOffset? end) =>
        ApiJson.MatchersAndRange(matchers, start, end, Nanoseconds);

    /// <summary>A non-2xx answer: JSON errors (format_query) or Loki's plain-text one-liners.</summary>
    private ClientFailure ErrorFailure(RawResponse r) =>
        transport.StatusFailure(r, ApiJson.TryApiError(r.Body) ?? LokiErrors.Parse(r.StatusCode, r.Text));

    private Task<ClientResult<T>> GetEnvelopeAsync<T>(string path, List<KeyValuePair<string, string>> query, Func<JsonElement, JsonElement, T> read, CancellationToken cancellationToken) =>
        transport.GetJsonAsync(path, query, r => ApiJson.Envelope(transport, r, read), ErrorFailure, cancellationToken);

    private Task<ClientResult<T>> GetDocumentAsync<T>(string path, List<KeyValuePair<string, string>> query, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        transport.GetJsonAsync(path, query, r => ApiJson.Document(transport, r, read), ErrorFailure, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"LokiClient({Options})";
}
