using System.Text.Json;

namespace TelemetryContracts.Clients;

/// <summary>
/// The parts of Grafana's documented HTTP API that checks need. Authenticate with a service-account token
/// (<see cref="BackendCredentials.Bearer"/>) or basic auth. Error answers (<c>{"message":"…"}</c>) become typed
/// <see cref="ApiError"/>s: <c>unauthorized</c>, <c>forbidden</c>, <c>not_found</c>.
/// </summary>
public sealed class GrafanaClient : IDisposable
{
    private const string Json = "application/json";
    private readonly HttpTransport transport;

    /// <summary>Creates a client; <paramref name="handler"/> replaces the network stack (tests), and is not disposed.</summary>
    public GrafanaClient(BackendOptions options, HttpMessageHandler? handler = null)
    {
        transport = new HttpTransport(options, handler);
    }

    /// <summary>The options in force.</summary>
    public BackendOptions Options => transport.Options;

    /// <summary><c>GET /api/health</c>.</summary>
    public Task<ClientResult<GrafanaHealth>> HealthAsync(CancellationToken cancellationToken = default) =>
        GetAsync("/api/health", [], e => new GrafanaHealth(ApiJson.OptionalString(e, "commit"), ApiJson.OptionalString(e, "database"), ApiJson.OptionalString(e, "version")), cancellationToken);

    /// <summary><c>GET /api/datasources</c>.</summary>
    public Task<ClientResult<IReadOnlyList<GrafanaDataSource>>> ListDataSourcesAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<GrafanaDataSource>>("/api/datasources", [], e => e.EnumerateArray().Select(GrafanaDataSource.Read).ToList(), cancellationToken);

    /// <summary><c>GET /api/datasources/uid/&lt;uid&gt;</c>; an unknown UID fails with a <c>not_found</c> API error.</summary>
    public Task<ClientResult<GrafanaDataSource>> GetDataSourceAsync(string uid, CancellationToken cancellationToken = default) =>
        GetAsync($"/api/datasources/uid/{Uri.EscapeDataString(uid)}", [], GrafanaDataSource.Read, cancellationToken);

    /// <summary><c>GET /api/search?type=dash-db</c>, optionally filtered by <paramref name="query"/> (title search).</summary>
    public Task<ClientResult<IReadOnlyList<GrafanaSearchHit>>> SearchDashboardsAsync(string? query = null, CancellationToken cancellationToken = default)
    {
        var q = new List<KeyValuePair<string, string>> { new("type", "dash-db") };
        if (!string.IsNullOrEmpty(query))
        {
            q.Add(new("query", query));
        }

        return GetAsync<IReadOnlyList<GrafanaSearchHit>>("/api/search", q, e => e.EnumerateArray().Select(GrafanaSearchHit.Read).ToList(), cancellationToken);
    }

    /// <summary><c>GET /api/dashboards/uid/&lt;uid&gt;</c>.</summary>
    public Task<ClientResult<GrafanaDashboard>> GetDashboardAsync(string uid, CancellationToken cancellationToken = default) =>
        GetAsync($"/api/dashboards/uid/{Uri.EscapeDataString(uid)}", [], GrafanaDashboard.Read, cancellationToken);

    /// <summary><c>GET /api/datasources/uid/&lt;uid&gt;/health</c>.</summary>
    public async Task<ClientResult<GrafanaDataSourceHealth>> DataSourceHealthAsync(string uid, CancellationToken cancellationToken = default)
    {
        var r = await transport.SendAsync(HttpMethod.Get, transport.Resolve($"/api/datasources/uid/{Uri.EscapeDataString(uid)}/health"), null, Json, cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess)
        {
            return ClientResult<GrafanaDataSourceHealth>.Fail(r.Failure);
        }

        // A health check that reached the data source but found it broken answers 400 {"status":"ERROR"}: a result.
        if (r.Value.IsSuccess || (r.Value.StatusCode == 400 && HasStatus(r.Value.Body)))
        {
            return ApiJson.Document(transport, r.Value, e => new GrafanaDataSourceHealth(
                ApiJson.OptionalString(e, "status") ?? throw new ApiJson.ShapeException("health answer without \"status\""),
                transport.Redact(ApiJson.OptionalString(e, "message") ?? string.Empty)));
        }

        return ClientResult<GrafanaDataSourceHealth>.Fail(ErrorFailure(r.Value));
    }

    private static bool HasStatus(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private ClientFailure ErrorFailure(RawResponse r)
    {
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(r.Body);
            message = ApiJson.OptionalString(doc.RootElement, "message");
        }
        catch (JsonException)
        {
        }

        var type = r.StatusCode switch
        {
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            409 => "conflict",
            412 => "precondition_failed",
            _ => "error",
        };
        return transport.StatusFailure(r, new ApiError(type, message ?? r.Text.Trim()));
    }

    private Task<ClientResult<T>> GetAsync<T>(string path, List<KeyValuePair<string, string>> query, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        transport.GetJsonAsync(path, query, r => ApiJson.Document(transport, r, read), ErrorFailure, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"GrafanaClient({Options})";
}
