using System.Text.Json;
using TelemetryContracts.Checks.Http;

namespace TelemetryContracts.Checks.Clients;

/// <summary>Reads the <c>{"status":"success","data":…}</c> envelope Prometheus and Loki share, without throwing.</summary>
internal static class ApiJson
{
    public static ApiResponse<T> Read<T>(HttpExchange exchange, Func<JsonElement?, T?> data)
        where T : class
    {
        if (exchange.Failure != ExchangeFailure.None || exchange.StatusCode is null)
        {
            return new ApiResponse<T>(exchange, null, "no answer");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(exchange.Body);
        }
        catch (JsonException e)
        {
            var reason = exchange.IsSuccess ? "the answer is not JSON (" + e.Message + ")" : "HTTP " + exchange.StatusCode;
            return new ApiResponse<T>(exchange, null, reason, "not_json");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ApiResponse<T>(exchange, null, "the answer is JSON but not an object", "bad_shape");
            }

            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (status is not null && status != "success")
            {
                var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : status;
                var type = root.TryGetProperty("errorType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : status;
                return new ApiResponse<T>(exchange, null, error, type);
            }

            if (!exchange.IsSuccess)
            {
                return new ApiResponse<T>(exchange, null, "HTTP " + exchange.StatusCode, "http");
            }

            T? value;
            try
            {
                value = data(root.TryGetProperty("data", out var d) ? d : null);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or JsonException)
            {
                return new ApiResponse<T>(exchange, null, "the answer does not have the documented shape (" + e.Message + ")", "bad_shape");
            }

            return value is null
                ? new ApiResponse<T>(exchange, null, "the answer does not have the documented shape", "bad_shape")
                : new ApiResponse<T>(exchange, value);
        }
    }

    public static Dictionary<string, string> Labels(JsonElement obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in obj.EnumerateObject())
            {
                labels[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
            }
        }

        return labels;
    }

    public static List<string> Strings(JsonElement? array)
    {
        var list = new List<string>();
        if (array is { ValueKind: JsonValueKind.Array } a)
        {
            foreach (var v in a.EnumerateArray())
            {
                if (v.ValueKind == JsonValueKind.String)
                {
                    list.Add(v.GetString()!);
                }
            }
        }

        return list;
    }
}
