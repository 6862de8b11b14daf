using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// Serves the byte-exact answers of a real Loki 2.9.9 (shared/loki-recordings) by route. Where the checks ask a query
/// that was not recorded verbatim, the route serves the recorded answer to the closest real query (named per route),
/// never a hand-written body.
/// </summary>
internal static class LokiRecordings
{
    public static string File(string name) => Path.Combine(RepoPaths.LokiRecordings, name);

    public static LocalHttpResponse Json(string name, int status = 200) => LocalHttpResponse.File(status, File(name), "application/json; charset=UTF-8");

    public static LocalHttpResponse Text(string name, int status) => LocalHttpResponse.File(status, File(name), "text/plain; charset=utf-8");

    /// <summary>Loki with the recorded streams {app="shop"|"auth", env, level}.</summary>
    public static LocalHttpResponse? Populated(LocalHttpRequest r) => r.Path switch
    {
        "/ready" => Text("01-ready.txt", 200),
        "/loki/api/v1/labels" => Json("05-labels.json"),
        "/loki/api/v1/label/app/values" => Json("07-label-app-values.json"),
        "/loki/api/v1/label/level/values" => Json("08-label-level-values-with-query.json"),
        "/loki/api/v1/query_range" => r.Query("query") switch
        {
            "{app=\"shop\"}" => Json("13-query_range-streams-backward.json"),
            // Recorded as {app="auth"} |= "login" | json: a real | json answer over the auth stream.
            "{app=\"auth\"} | json" => Json("16-query_range-json-linefilter.json"),
            // Recorded as an instant query {app="auth"}: same streams result shape, real lines of the stream.
            "{app=\"auth\"}" => Json("23-query-instant-streams.json"),
            var q when q is not null && q.Contains("scanium", StringComparison.Ordinal) => Json("20-query_range-no-results.json"),
            _ => null,
        },
        _ => null,
    };

    /// <summary>Loki that has no streams at all: every label lookup answers like file 09 (success, no data), every query like file 20.</summary>
    public static LocalHttpResponse? Empty(LocalHttpRequest r) => r.Path switch
    {
        "/ready" => Text("01-ready.txt", 200),
        "/loki/api/v1/labels" => Json("09-label-unknown-values.json"),
        var p when p.StartsWith("/loki/api/v1/label/", StringComparison.Ordinal) => Json("09-label-unknown-values.json"),
        "/loki/api/v1/query_range" => Json("20-query_range-no-results.json"),
        _ => null,
    };
}
