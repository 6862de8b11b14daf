using System.Globalization;
using System.Text.Json;
using TelemetryContracts.Checks.Http;

namespace TelemetryContracts.Checks.Clients;

/// <summary>
/// The Prometheus HTTP API (<c>/api/v1/query</c>, <c>/series</c>, <c>/label/…/values</c>, <c>/targets</c>) as typed calls.
/// Works under a prefix (<c>/prometheus</c> for Mimir and VictoriaMetrics) because every path is resolved below the base URL.
/// </summary>
public sealed class PrometheusClient(BackendHttp http, BackendEndpoint endpoint)
{
    /// <summary>The endpoint asked.</summary>
    public BackendEndpoint Endpoint => endpoint;

    /// <summary>An instant query; the result must be a vector.</summary>
    public async Task<ApiResponse<List<PromSample>>> QueryAsync(string query, DateTimeOffset? time, CancellationToken cancellationToken)
    {
        var q = "/api/v1/query?query=" + Uri.EscapeDataString(query) + (time is { } t ? "&time=" + Unix(t) : "");
        var x = await http.GetAsync(endpoint, q, cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data =>
        {
            if (data is not { ValueKind: JsonValueKind.Object } d)
            {
                return null;
            }

            var list = new List<PromSample>();
            var type = d.GetProperty("resultType").GetString();
            var result = d.GetProperty("result");
            if (type == "scalar")
            {
                list.Add(new PromSample(new Dictionary<string, string>(), ParseValue(result[1])));
                return list;
            }

            foreach (var e in result.EnumerateArray())
            {
                list.Add(new PromSample(ApiJson.Labels(e.GetProperty("metric")), ParseValue(e.GetProperty("value")[1])));
            }

            return list;
        });
    }

    /// <summary><c>/api/v1/series</c>: every series matching <paramref name="match"/> with samples between the two times.</summary>
    public async Task<ApiResponse<List<Dictionary<string, string>>>> SeriesAsync(string match, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var q = "/api/v1/series?match[]=" + Uri.EscapeDataString(match) + "&start=" + Unix(start) + "&end=" + Unix(end);
        var x = await http.GetAsync(endpoint, q, cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data => data is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(ApiJson.Labels).ToList() : null);
    }

    /// <summary><c>/api/v1/label/{name}/values</c>, optionally restricted by a selector.</summary>
    public async Task<ApiResponse<List<string>>> LabelValuesAsync(string label, string? match, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var q = "/api/v1/label/" + Uri.EscapeDataString(label) + "/values?start=" + Unix(start) + "&end=" + Unix(end)
                + (match is null ? "" : "&match[]=" + Uri.EscapeDataString(match));
        var x = await http.GetAsync(endpoint, q, cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data => data is { ValueKind: JsonValueKind.Array } ? ApiJson.Strings(data) : data is null ? new List<string>() : null);
    }

    /// <summary><c>/api/v1/targets?state=active</c>. Mimir and VictoriaMetrics' query API lack it (404): callers fall back to <c>up</c>.</summary>
    public async Task<ApiResponse<List<PromTarget>>> TargetsAsync(CancellationToken cancellationToken)
    {
        var x = await http.GetAsync(endpoint, "/api/v1/targets?state=active", cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data =>
        {
            if (data is not { ValueKind: JsonValueKind.Object } d || !d.TryGetProperty("activeTargets", out var active) || active.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return active.EnumerateArray().Select(t => new PromTarget(
                ApiJson.Labels(t.GetProperty("labels")),
                Str(t, "scrapePool"),
                Str(t, "scrapeUrl"),
                Str(t, "health"),
                Str(t, "lastError"))).ToList();
        });
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static double ParseValue(JsonElement pair) =>
        pair.GetString() switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };

    private static string Unix(DateTimeOffset t) => (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
