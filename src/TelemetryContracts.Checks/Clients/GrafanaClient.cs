using System.Text.Json;
using TelemetryContracts.Checks.Http;

namespace TelemetryContracts.Checks.Clients;

/// <summary>
/// The parts of Grafana's documented HTTP API the checks use: <c>/api/health</c>, <c>/api/datasources/uid/{uid}</c>,
/// <c>/api/dashboards/uid/{uid}</c>. A 404 on a lookup is an answer ("does not exist"), not a failure.
/// </summary>
public sealed class GrafanaClient(BackendHttp http, BackendEndpoint endpoint)
{
    /// <summary>The endpoint asked.</summary>
    public BackendEndpoint Endpoint => endpoint;

    /// <summary>Health of Grafana and its database.</summary>
    public async Task<ApiResponse<GrafanaHealth>> HealthAsync(CancellationToken cancellationToken)
    {
        var x = await http.GetAsync(endpoint, "/api/health", cancellationToken).ConfigureAwait(false);
        return ReadObject(x, o => new GrafanaHealth(o.TryGetProperty("database", out var d) ? d.GetString() ?? "" : "", o.TryGetProperty("version", out var v) ? v.GetString() : null));
    }

    /// <summary>The datasource with that uid; <c>Data</c> is null with <c>Error == "not found"</c> on 404.</summary>
    public async Task<ApiResponse<GrafanaDatasource>> DatasourceAsync(string uid, CancellationToken cancellationToken)
    {
        var x = await http.GetAsync(endpoint, "/api/datasources/uid/" + Uri.EscapeDataString(uid), cancellationToken).ConfigureAwait(false);
        if (x.StatusCode == 404)
        {
            return new ApiResponse<GrafanaDatasource>(x, null, "not found", "not_found");
        }

        return ReadObject(x, o => new GrafanaDatasource(
            o.TryGetProperty("uid", out var u) ? u.GetString() ?? uid : uid,
            o.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
            o.TryGetProperty("type", out var t) ? t.GetString() ?? "" : ""));
    }

    /// <summary>Whether a dashboard with that uid exists (its title when it does); "not found" on 404.</summary>
    public async Task<ApiResponse<string>> DashboardTitleAsync(string uid, CancellationToken cancellationToken)
    {
        var x = await http.GetAsync(endpoint, "/api/dashboards/uid/" + Uri.EscapeDataString(uid), cancellationToken).ConfigureAwait(false);
        if (x.StatusCode == 404)
        {
            return new ApiResponse<string>(x, null, "not found", "not_found");
        }

        return ReadObject(x, o => o.TryGetProperty("dashboard", out var d) && d.ValueKind == JsonValueKind.Object
            ? (d.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "")
            : null);
    }

    private static ApiResponse<T> ReadObject<T>(HttpExchange x, Func<JsonElement, T?> read)
        where T : class
    {
        if (!x.IsSuccess)
        {
            return new ApiResponse<T>(x, null, "no answer");
        }

        try
        {
            using var doc = JsonDocument.Parse(x.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ApiResponse<T>(x, null, "the answer is JSON but not an object", "bad_shape");
            }

            var v = read(doc.RootElement);
            return v is null ? new ApiResponse<T>(x, null, "the answer does not have the documented shape", "bad_shape") : new ApiResponse<T>(x, v);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return new ApiResponse<T>(x, null, "the answer is not the documented JSON (" + e.Message + ")", "not_json");
        }
    }
}
