using TelemetryContracts.Checks.Http;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>Every Prometheus-side and Loki-side check over answers that are not what the API documents: a classified finding, never a crash.</summary>
public sealed class MalformedBackendAnswerTests
{
    public static TheoryData<string, int, string> Answers => new()
    {
        { "not json at all", 200, "TC5008" },
        { "[]", 200, "TC5008" },
        { "{\"status\":\"success\"}", 200, "TC5008" },
        { "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"not-a-number\"]}]}}", 200, "TC5008" },
        { "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":{}}}", 200, "TC5008" },
        { "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\"\"}", 400, "TC5028" },
        { "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query timed out\"}", 503, "TC5028" },
        { "<html>502 Bad Gateway</html>", 502, "TC5007" },
        { "", 204, "TC5008" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task PrometheusAnswer_BecomesAClassifiedFinding(string body, int status, string rule)
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Json(status, body));
        var settings = new CheckSettings { PrometheusUrl = new Uri(server.Url + "/prometheus"), RequestTimeout = TimeSpan.FromSeconds(5) };
        var report = await Run.BackendAsync(Contracts.Scanium(), settings, BackendKind.Prometheus);
        var f = report.FirstBrokenFinding!;
        Assert.True(f.Id == rule, $"expected {rule}, got {Run.Ids(report)}: {f.Message}");
        Assert.Contains("/prometheus/api/v1/query", f.Evidence);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task LokiAnswer_BecomesAClassifiedFinding(string body, int status, string rule)
    {
        _ = rule;
        await using var server = LocalHttpServer.Start(r => r.Path == "/ready" ? LokiRecordings.Text("01-ready.txt", 200) : LocalHttpResponse.Json(status, body));
        var settings = new CheckSettings { LokiUrl = new Uri(server.Url), RequestTimeout = TimeSpan.FromSeconds(5) };
        var report = await Run.BackendAsync(Contracts.Scanium(), settings, BackendKind.Loki);
        Assert.DoesNotContain(report.Findings, f => f.Id == "TC5099");
        Assert.NotEmpty(report.Findings);
    }

    [Fact]
    public async Task LinesLokiMarksWithJsonParserErr_ReportTC5044_WithTheFirstSuchLine()
    {
        // Loki adds __error__="JSONParserErr" (and __error_details__) to the labels of lines '| json' cannot parse; the
        // shape follows the recorded streams answers (file 16), the labels Loki's documentation names.
        const string answer = """
            {"status":"success","data":{"resultType":"streams","result":[
              {"stream":{"app":"auth","__error__":"JSONParserErr","__error_details__":"Value looks like object, but can't find closing '}' symbol"},"values":[["1795239360000000000","2026-11-21T05:36:00Z stdout F {\"level\":\"info\""]]},
              {"stream":{"app":"auth","level":"info","msg":"login ok","user":"carol","latency_ms":"40"},"values":[["1795239350000000000","{\"level\":\"info\",\"msg\":\"login ok\",\"user\":\"carol\",\"latency_ms\":40}"]]}],
              "stats":{}}}
            """;
        await using var loki = LocalHttpServer.Start(r => r.Path == "/loki/api/v1/query_range" && r.Query("query")!.EndsWith("| json", StringComparison.Ordinal) ? LocalHttpResponse.Json(200, answer) : LokiRecordings.Populated(r));
        var contract = Contracts.Parse("""
            service: auth
            namespace: auth
            scrape: { job: auth, port: 8080 }
            labels:
              env: { values: [dev, prod] }
            metrics:
              logins_total: { type: counter, help: Logins., labels: [env] }
            logs:
              app:
                stream: { app: auth }
                levels: [info, warn]
                fields: [user]
            """);
        var settings = new CheckSettings { LokiUrl = new Uri(loki.Url), Clock = () => DateTimeOffset.FromUnixTimeSeconds(1795239460), Lookback = TimeSpan.FromMinutes(10) };
        var report = await Run.BackendAsync(contract, settings, BackendKind.Loki);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5044", f.Id);
        Assert.Contains("1 of 2 recent lines of {app=\"auth\"} do not parse with '| json' (JSONParserErr", f.Message);
        Assert.Contains("stdout F", f.Evidence);
    }
}
