using System.Globalization;
using System.Text.Json;

namespace TelemetryContracts.Clients;

/// <summary>Reading the JSON shapes of the Prometheus HTTP API (which Loki reuses), tolerant of extra fields.</summary>
internal static class ApiJson
{
    /// <summary>Thrown by readers when a document does not have the documented shape; becomes a MalformedResponse.</summary>
    internal sealed class ShapeException(string message) : Exception(message);

    /// <summary>Parses a JSON body and runs <paramref name="read"/> on its root; any shape problem becomes a MalformedResponse.</summary>
    public static ClientResult<T> Document<T>(HttpTransport t, RawResponse r, Func<JsonElement, T> read)
    {
        try
        {
            using var doc = JsonDocument.Parse(r.Body);
            return ClientResult<T>.Ok(read(doc.RootElement));
        }
        catch (JsonException e)
        {
            return ClientResult<T>.Fail(t.Malformed(r, "invalid JSON: " + e.Message));
        }
        catch (Exception e) when (e is ShapeException or InvalidOperationException or KeyNotFoundException or FormatException or OverflowException)
        {
            return ClientResult<T>.Fail(t.Malformed(r, e.Message));
        }
    }

    /// <summary>
    /// The <c>{"status":"success","data":…}</c> envelope: non-2xx answers become HttpStatus failures carrying the
    /// parsed <c>errorType</c>/<c>error</c> when the body has them, 2xx answers with <c>"status":"error"</c> ApiError failures.
    /// </summary>
    public static ClientResult<T> Envelope<T>(HttpTransport t, RawResponse r, Func<JsonElement, JsonElement, T> readData)
    {
        if (!r.IsSuccess)
        {
            return ClientResult<T>.Fail(t.StatusFailure(r, TryApiError(r.Body)));
        }

        try
        {
            using var doc = JsonDocument.Parse(r.Body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
            {
                return ClientResult<T>.Fail(t.Malformed(r, "expected an object with a \"status\" field"));
            }

            if (status.GetString() != "success")
            {
                var api = TryApiError(r.Body) ?? new ApiError(status.GetString() ?? "error", "status is not success");
                return ClientResult<T>.Fail(new ClientFailure(ClientFailureKind.ApiError, $"{r.Url} reported an error: {t.Redact(api.Message)}", r.Url, r.StatusCode, t.Excerpt(r.Body), api with { Message = t.Redact(api.Message) }));
            }

            var data = root.TryGetProperty("data", out var d) ? d : default;
            return ClientResult<T>.Ok(readData(data, root));
        }
        catch (JsonException e)
        {
            return ClientResult<T>.Fail(t.Malformed(r, "invalid JSON: " + e.Message));
        }
        catch (Exception e) when (e is ShapeException or InvalidOperationException or KeyNotFoundException or FormatException or OverflowException)
        {
            return ClientResult<T>.Fail(t.Malformed(r, e.Message));
        }
    }

    /// <summary>Prometheus' <c>{"errorType":…,"error":…}</c> or Loki's <c>{"status":"invalid-query","error":…}</c>; null when the body is not such JSON.</summary>
    public static ApiError? TryApiError(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var type = root.TryGetProperty("errorType", out var et) && et.ValueKind == JsonValueKind.String ? et.GetString()!
                : root.TryGetProperty("status", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString()! : "error";
            return LokiErrors.WithPosition(type, error.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IReadOnlyDictionary<string, string> Labels(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new ShapeException($"expected a label object, found {obj.ValueKind}");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            result[p.Name] = p.Value.GetString() ?? string.Empty;
        }

        return result;
    }

    public static IReadOnlyList<string> Strings(JsonElement arr)
    {
        if (arr.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            throw new ShapeException($"expected an array of strings, found {arr.ValueKind}");
        }

        return arr.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> LabelSets(JsonElement arr)
    {
        if (arr.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Array.Empty<IReadOnlyDictionary<string, string>>();
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            throw new ShapeException($"expected an array of label sets, found {arr.ValueKind}");
        }

        return arr.EnumerateArray().Select(Labels).ToList();
    }

    /// <summary>A <c>[unixSeconds, "value"]</c> pair.</summary>
    public static SamplePoint Point(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
        {
            throw new ShapeException("expected a [timestamp, \"value\"] pair");
        }

        return new SamplePoint(pair[0].GetDouble(), ParseValue(pair[1].GetString() ?? throw new ShapeException("sample value is not a string")));
    }

    /// <summary>Sample values as the Prometheus API writes them: Go float formatting plus <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    public static double ParseValue(string s) => s switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new ShapeException($"sample value \"{s}\" is not a number"),
    };

    public static QueryData QueryData(JsonElement data, JsonElement root)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ShapeException("expected \"data\" to be an object with resultType and result");
        }

        var warnings = root.TryGetProperty("warnings", out var w) ? Strings(w) : Array.Empty<string>();
        var type = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        switch (type)
        {
            case "vector":
                return new QueryData
                {
                    ResultType = QueryResultType.Vector,
                    Warnings = warnings,
                    Vector = result.EnumerateArray().Select(e => new VectorSample(Labels(e.GetProperty("metric")), Point(e.GetProperty("value")))).ToList(),
                };
            case "matrix":
                return new QueryData
                {
                    ResultType = QueryResultType.Matrix,
                    Warnings = warnings,
                    Matrix = result.EnumerateArray().Select(e => new RangeSeries(Labels(e.GetProperty("metric")), e.GetProperty("values").EnumerateArray().Select(Point).ToList())).ToList(),
                };
            case "scalar":
                return new QueryData { ResultType = QueryResultType.Scalar, Warnings = warnings, Scalar = Point(result) };
            case "string":
                return new QueryData { ResultType = QueryResultType.String, Warnings = warnings, String = result[1].GetString() };
            case "streams":
                return new QueryData
                {
                    ResultType = QueryResultType.Streams,
                    Warnings = warnings,
                    Streams = result.EnumerateArray().Select(e => new LogStream(
                        Labels(e.GetProperty("stream")),
                        e.GetProperty("values").EnumerateArray().Select(v => new LogEntry(
                            long.Parse(v[0].GetString() ?? throw new ShapeException("log timestamp is not a string"), NumberStyles.None, CultureInfo.InvariantCulture),
                            v[1].GetString() ?? string.Empty)).ToList())).ToList(),
                };
            default:
                throw new ShapeException($"unknown resultType \"{type}\"");
        }
    }

    public static string? OptionalString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static BuildInfo BuildInfo(JsonElement data) => new(
        OptionalString(data, "version"), OptionalString(data, "revision"), OptionalString(data, "branch"),
        OptionalString(data, "buildUser"), OptionalString(data, "buildDate"), OptionalString(data, "goVersion"));

    /// <summary>Unix seconds with millisecond precision, the form every Prometheus-compatible API accepts.</summary>
    public static string UnixSeconds(DateTimeOffset t) =>
        (t.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The query of the metadata endpoints both APIs share (series, labels, label values): <c>match[]</c> per matcher,
    /// then <c>start</c> and <c>end</c> when given, in the API's time format (Prometheus seconds, Loki nanoseconds).
    /// </summary>
    public static List<KeyValuePair<string, string>> MatchersAndRange(IEnumerable<string>? matchers, DateTimeOffset? start, DateTimeOffset? end, Func<DateTimeOffset, string> time)
    {
        var q = new List<KeyValuePair<string, string>>();
        foreach (var m in matchers ?? [])
        {
            q.Add(new("match[]", m));
        }

        if (start is not null)
        {
            q.Add(new("start", time(start.Value)));
        }

        if (end is not null)
        {
            q.Add(new("end", time(end.Value)));
        }

        return q;
    }
}
