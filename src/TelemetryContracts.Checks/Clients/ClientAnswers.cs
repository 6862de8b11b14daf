using TelemetryContracts.Checks.Http;
using TelemetryContracts.Clients;

namespace TelemetryContracts.Checks.Clients;

/// <summary>
/// Turns a shared client's <see cref="ClientResult{T}"/> plus what went over the wire into the <see cref="ApiResponse{T}"/>
/// the checks judge, so findings keep naming the same rules and carrying the same curl-like evidence.
/// </summary>
internal static class ClientAnswers
{
    /// <summary>
    /// The checks' view of one call. <paramref name="apiErrorsAreQueryErrors"/>: true for Prometheus and Loki, whose
    /// error bodies describe the query (a finding about the query); false for Grafana, whose error bodies only restate
    /// the status (a finding about the status: 401, 404, …).
    /// </summary>
    public static ApiResponse<T> From<T>(ClientResult<T> result, ExchangeRecorder.Slot wire, BackendEndpoint endpoint, CheckSettings settings, bool apiErrorsAreQueryErrors)
        where T : class
    {
        var failure = result.Failure;
        var exchange = Exchange(wire, endpoint, failure, settings);
        if (result.IsSuccess)
        {
            return new ApiResponse<T>(exchange, result.Value);
        }

        if (exchange.Failure != ExchangeFailure.None || exchange.StatusCode is null)
        {
            return new ApiResponse<T>(exchange, null, "no answer");
        }

        return failure!.Kind switch
        {
            ClientFailureKind.HttpStatus when apiErrorsAreQueryErrors && failure.Api is { } api && ReportsError(wire.Body) => new ApiResponse<T>(exchange, null, api.Message, api.Type),
            ClientFailureKind.HttpStatus => new ApiResponse<T>(exchange, null, "HTTP " + exchange.StatusCode, "http"),
            ClientFailureKind.ApiError when failure.Api is { } api => new ApiResponse<T>(exchange, null, api.Message, api.Type),
            _ => new ApiResponse<T>(exchange, null, Reason(failure), "bad_shape"),
        };
    }

    // Only a {"status":"error",…} body is the API judging the query; a plain-text error page (a proxy's 401, Loki's
    // "no org id") is about the status, and the status finding names its fix.
    private static bool ReportsError(byte[] body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("status", out var s)
                   && s.ValueKind == System.Text.Json.JsonValueKind.String
                   && s.GetString() != "success";
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    // The shared message starts with the URL, which the finding's location already names.
    private static string Reason(ClientFailure failure)
    {
        const string marker = "not what the API documents: ";
        var i = failure.Message.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? failure.Message : "the answer does not have the documented shape (" + failure.Message[(i + marker.Length)..] + ")";
    }

    private static HttpExchange Exchange(ExchangeRecorder.Slot wire, BackendEndpoint endpoint, ClientFailure? failure, CheckSettings settings)
    {
        var x = new HttpExchange
        {
            Method = wire.Method,
            Url = wire.Url ?? endpoint.Url,
            Endpoint = endpoint,
            SentCredentials = wire.SentCredentials,
            SentTenant = wire.SentTenant,
            StatusCode = wire.StatusCode,
            ReasonPhrase = wire.ReasonPhrase,
            ContentType = wire.ContentType,
            WwwAuthenticate = wire.WwwAuthenticate,
            Body = wire.Body,
            Elapsed = wire.Elapsed,
        };
        if (failure is null)
        {
            return x;
        }

        var timeout = settings.RequestTimeout.TotalSeconds;
        return failure.Kind switch
        {
            ClientFailureKind.Timeout => x with
            {
                Failure = ExchangeFailure.Timeout,
                FailureDetail = wire.StatusCode is null ? $"no answer within {timeout:0.#} s" : $"the body did not complete within {timeout:0.#} s",
            },
            ClientFailureKind.ResponseTooLarge => x with { Failure = ExchangeFailure.TooLarge, FailureDetail = $"the answer is larger than the limit of {settings.MaxResponseBytes} bytes" },
            _ when wire.TransportFailure is { } t => x with { Failure = t, FailureDetail = wire.TransportDetail },
            ClientFailureKind.DnsResolution => x with { Failure = ExchangeFailure.NameNotResolved, FailureDetail = failure.Message },
            ClientFailureKind.ConnectionRefused => x with { Failure = ExchangeFailure.ConnectionRefused, FailureDetail = failure.Message },
            ClientFailureKind.Tls => x with { Failure = ExchangeFailure.Tls, FailureDetail = failure.Message },
            ClientFailureKind.Network => x with { Failure = ExchangeFailure.Network, FailureDetail = failure.Message },
            ClientFailureKind.MalformedResponse when wire.StatusCode is null => x with { Failure = ExchangeFailure.NotHttp, FailureDetail = failure.Message },
            _ => x,
        };
    }
}
