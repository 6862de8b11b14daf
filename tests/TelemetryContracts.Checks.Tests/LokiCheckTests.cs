using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

public sealed class LokiCheckTests
{
    private static readonly DateTimeOffset RecordedNow = DateTimeOffset.FromUnixTimeSeconds(1795239460);

    private static TelemetryContract Contract(string stream, string fields = "[user, latency_ms]") => Contracts.Parse($$"""
        service: auth
        namespace: auth
        scrape: { job: auth, port: 8080 }
        labels:
          env: { values: [dev, prod] }
        metrics:
          logins_total: { type: counter, help: Logins., labels: [env] }
        logs:
          app:
            stream: {{stream}}
            levels: [info, warn, error]
            level_field: level
            message_field: msg
            fields: {{fields}}
        """);

    private static CheckSettings Settings(string url) => new()
    {
        LokiUrl = new Uri(url),
        Clock = () => RecordedNow,
        Lookback = TimeSpan.FromMinutes(10),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task StreamLabelValueMismatch_ReportsTC5042_WithTheValuesThatExist()
    {
        await using var loki = LocalHttpServer.Start(LokiRecordings.Populated);
        var report = await Run.BackendAsync(Contract("{ app: scanium-backend }"), Settings(loki.Url), BackendKind.Loki);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5042", f.Id);
        Assert.Equal("Loki has no stream with app=\"scanium-backend\" (log stream 'app'); values of 'app' that exist: app=\"auth\", app=\"shop\".", f.Message);
        Assert.Contains("/loki/api/v1/label/app/values", f.Evidence);
        Assert.Equal(CheckStatus.NotChecked, report.Results.Single(r => r.Check.Id == LokiRecentLinesCheck.CheckId).Status);
        Assert.Empty(loki.Unexpected);
    }

    [Fact]
    public async Task LabelNameMissing_ReportsTC5041_ListingTheLabelsThatExist()
    {
        await using var loki = LocalHttpServer.Start(LokiRecordings.Populated);
        var report = await Run.BackendAsync(Contract("{ source: scanium-backend }"), Settings(loki.Url), BackendKind.Loki);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5041", f.Id);
        Assert.Contains("labels that exist: app, env, level", f.Message);
    }

    [Fact]
    public async Task NoStreamsAtAll_ReportsTC5041_SayingLokiHasNoStreams()
    {
        await using var loki = LocalHttpServer.Start(LokiRecordings.Empty);
        var report = await Run.BackendAsync(Contract("{ app: auth }"), Settings(loki.Url), BackendKind.Loki);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5041", f.Id);
        Assert.Contains("Loki has no streams at all in the last 10m", f.Message);
        Assert.Empty(loki.Unexpected);
    }

    [Fact]
    public async Task StreamWithJsonLines_PassesAndReportsOnlyTheFieldNeverSeen()
    {
        await using var loki = LocalHttpServer.Start(LokiRecordings.Populated);
        var report = await Run.BackendAsync(Contract("{ app: auth }", "[user, latency_ms, trace_id]"), Settings(loki.Url), BackendKind.Loki);
        Assert.Null(report.FirstBroken);
        var f = Assert.Single(report.Findings);
        Assert.Equal("TC5045", f.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("'trace_id'", f.Message);
        Assert.Equal("fields seen: app, env, latency_ms, level, level_extracted, msg, user", f.Evidence);
        Assert.Empty(loki.Unexpected);
    }

    [Fact]
    public async Task StreamWithoutRecentLines_ReportsTC5043()
    {
        await using var loki = LocalHttpServer.Start(r => r.Path == "/loki/api/v1/query_range" ? LokiRecordings.Json("20-query_range-no-results.json") : LokiRecordings.Populated(r));
        var report = await Run.BackendAsync(Contract("{ app: shop }"), Settings(loki.Url), BackendKind.Loki);
        Assert.Equal("TC5043", report.FirstBrokenFinding!.Id);
        Assert.Contains("{app=\"shop\"}", report.FirstBrokenFinding.Message);
    }

    [Theory]
    [InlineData("00-ready-while-starting.txt", "Some services are not Running")]
    [InlineData("00b-ready-ingester-waiting.txt", "Ingester not ready")]
    public async Task LokiStarting_ReportsTC5040_WithLokisOwnReason(string file, string reason)
    {
        await using var loki = LocalHttpServer.Start(r => r.Path == "/ready" ? LokiRecordings.Text(file, 503) : null);
        var report = await Run.BackendAsync(Contract("{ app: auth }"), Settings(loki.Url), BackendKind.Loki);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5040", f.Id);
        Assert.Contains(reason, f.Message);
        Assert.All(report.Results.Skip(1), r => Assert.Equal(CheckStatus.NotChecked, r.Status));
    }

    [Theory]
    [InlineData("30-error-query_range-bad-logql.txt", 400)]
    [InlineData("44-error-unknown-path.txt", 404)]
    public async Task LokiErrorAnswers_BecomeFindingsNotExceptions(string file, int status)
    {
        await using var loki = LocalHttpServer.Start(r => r.Path == "/ready" ? LokiRecordings.Text("01-ready.txt", 200) : LokiRecordings.Text(file, status));
        var report = await Run.BackendAsync(Contract("{ app: auth }"), Settings(loki.Url), BackendKind.Loki);
        var f = report.FirstBrokenFinding!;
        Assert.Contains(f.Id, new[] { "TC5006", "TC5007", "TC5028", "TC5008" });
        Assert.DoesNotContain(report.Findings, x => x.Id == "TC5099");
    }

    [Fact]
    public async Task TenantAndToken_AreSentToLoki_AndTheTokenNeverShows()
    {
        await using var loki = LocalHttpServer.Start(r => r.Path == "/ready" ? LocalHttpResponse.Text(401, "unauthorized: token rejected: loki-secret-token") : null);
        var settings = Settings(loki.Url) with { Tenant = "team-a", LokiToken = "loki-secret-token" };
        var report = await Run.BackendAsync(Contract("{ app: auth }"), settings, BackendKind.Loki);
        var request = Assert.Single(loki.Requests);
        Assert.Equal("team-a", request.Headers["X-Scope-OrgID"]);
        Assert.Equal("Bearer loki-secret-token", request.Headers["Authorization"]);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5005", f.Id);
        Assert.DoesNotContain("loki-secret-token", f.Message + f.Evidence + f.Hint + f.Location);
        Assert.Contains("X-Scope-OrgID: team-a", f.Evidence);
    }
}
