using System.Globalization;
using System.Text.Json;
using TelemetryContracts.Checks.Http;

namespace TelemetryContracts.Checks.Clients;

/// <summary>
/// The Loki HTTP API as typed calls (<c>/ready</c>, <c>/loki/api/v1/labels</c>, <c>/label/{name}/values</c>,
/// <c>/query_range</c>), honest to what Loki 2.9 really answers: a label without values answers
/// <c>{"status":"success"}</c> with no <c>data</c> key, which means "no values", not an error.
/// </summary>
public sealed class LokiClient(BackendHttp http, BackendEndpoint endpoint)
{
    /// <summary>The endpoint asked.</summary>
    public BackendEndpoint Endpoint => endpoint;

    /// <summary><c>GET /ready</c>: 200 <c>ready</c>, or 503 with the services still starting.</summary>
    public Task<HttpExchange> ReadyAsync(CancellationToken cancellationToken) => http.GetAsync(endpoint, "/ready", cancellationToken);

    /// <summary>Label names with streams between the two times.</summary>
    public async Task<ApiResponse<List<string>>> LabelsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var x = await http.GetAsync(endpoint, "/loki/api/v1/labels?start=" + Nanos(start) + "&end=" + Nanos(end), cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data => data is null or { ValueKind: JsonValueKind.Array } ? ApiJson.Strings(data) : null);
    }

    /// <summary>The values of one label between the two times.</summary>
    public async Task<ApiResponse<List<string>>> LabelValuesAsync(string label, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var x = await http.GetAsync(endpoint, "/loki/api/v1/label/" + Uri.EscapeDataString(label) + "/values?start=" + Nanos(start) + "&end=" + Nanos(end), cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data => data is null or { ValueKind: JsonValueKind.Array } ? ApiJson.Strings(data) : null);
    }

    /// <summary>A log query over a range; the result must be <c>streams</c>.</summary>
    public async Task<ApiResponse<List<LokiStream>>> QueryRangeAsync(string query, DateTimeOffset start, DateTimeOffset end, int limit, CancellationToken cancellationToken)
    {
        var q = "/loki/api/v1/query_range?query=" + Uri.EscapeDataString(query) + "&start=" + Nanos(start) + "&end=" + Nanos(end)
                + "&limit=" + limit.ToString(CultureInfo.InvariantCulture) + "&direction=backward";
        var x = await http.GetAsync(endpoint, q, cancellationToken).ConfigureAwait(false);
        return ApiJson.Read(x, data =>
        {
            if (data is not { ValueKind: JsonValueKind.Object } d || d.GetProperty("resultType").GetString() != "streams")
            {
                return null;
            }

            var streams = new List<LokiStream>();
            foreach (var s in d.GetProperty("result").EnumerateArray())
            {
                var entries = new List<LokiEntry>();
                foreach (var v in s.GetProperty("values").EnumerateArray())
                {
                    entries.Add(new LokiEntry(long.Parse(v[0].GetString()!, CultureInfo.InvariantCulture), v[1].GetString() ?? ""));
                }

                streams.Add(new LokiStream(ApiJson.Labels(s.GetProperty("stream")), entries));
            }

            return streams;
        });
    }

    private static string Nanos(DateTimeOffset t) =>
        (t.ToUnixTimeMilliseconds() * 1_000_000L).ToString(CultureInfo.InvariantCulture);
}
