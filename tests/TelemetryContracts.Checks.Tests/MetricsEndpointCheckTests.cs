using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

public sealed class MetricsEndpointCheckTests
{
    [Fact]
    public async Task ServiceEmittingEveryDeclaredMetric_HasNoErrors()
    {
        var contract = Contracts.Scanium();
        await using var service = new ContractService(contract);
        var report = await Run.BackendAsync(contract, Run.Metrics(service.MetricsUrl.AbsoluteUri), BackendKind.MetricsEndpoint);
        Assert.True(report.FirstBroken is null, string.Join("\n", report.Findings.Select(f => f + " " + f.Evidence)));
        Assert.All(report.Results, r => Assert.Equal(CheckStatus.Passed, r.Status));
    }

    [Fact]
    public async Task OmittedMetric_ReportsTC5011_DashboardAheadOfCode()
    {
        var contract = Contracts.Scanium();
        await using var service = new ContractService(contract, new ServiceFaults { OmitMetrics = new[] { "scanium_items_scanned_total" } });
        var report = await Run.BackendAsync(contract, Run.Metrics(service.MetricsUrl.AbsoluteUri), BackendKind.MetricsEndpoint);
        var f = Assert.Single(report.Findings, x => x.Severity == Severity.Error);
        Assert.Equal("TC5011", f.Id);
        Assert.Contains("'scanium_items_scanned_total'", f.Message);
        Assert.Equal("metrics.items_scanned_total", f.Location.Path);
        Assert.True(f.Location.Line > 0);
    }

    [Fact]
    public async Task RenamedLabel_ReportsTC5013_NamingBothLabels()
    {
        var contract = Contracts.Scanium();
        await using var service = new ContractService(contract, new ServiceFaults { RenameLabel = ("service_name", "app") });
        var report = await Run.BackendAsync(contract, Run.Metrics(service.MetricsUrl.AbsoluteUri), BackendKind.MetricsEndpoint);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5013", f.Id);
        Assert.Contains("'app' is served where 'service_name' is declared", f.Message);
    }

    [Fact]
    public async Task BearerProtectedEndpoint_WithoutToken_ReportsTC5005_SayingNoneWasSent()
    {
        var contract = Contracts.Scanium();
        await using var service = new ContractService(contract, new ServiceFaults { BearerToken = "s3cret-scrape-token" });
        var report = await Run.BackendAsync(contract, Run.Metrics(service.MetricsUrl.AbsoluteUri), BackendKind.MetricsEndpoint);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5005", f.Id);
        Assert.Contains("401", f.Message);
        Assert.Contains("no credential sent", f.Message);
        Assert.Contains("--metrics-token-env", f.Hint);
        Assert.Equal(CheckStatus.NotChecked, report.Results.Single(r => r.Check.Id == ExpositionParsesCheck.CheckId).Status);
    }

    [Fact]
    public async Task BearerProtectedEndpoint_WithWrongToken_ReportsTC5005_SayingItWasRejected()
    {
        var contract = Contracts.Scanium();
        await using var service = new ContractService(contract, new ServiceFaults { BearerToken = "s3cret-scrape-token" });
        var report = await Run.BackendAsync(contract, Run.Metrics(service.MetricsUrl.AbsoluteUri, "wrong-token-value"), BackendKind.MetricsEndpoint);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5005", f.Id);
        Assert.Contains("with the credential sent", f.Message);
        Assert.DoesNotContain("wrong-token-value", f.ToString() + f.Evidence + f.Hint);
    }

    [Fact]
    public async Task BearerProtectedEndpoint_WithToken_Passes()
    {
        var contract = Contracts.Scanium();
        await using var service = new ContractService(contract, new ServiceFaults { BearerToken = "s3cret-scrape-token" });
        var report = await Run.BackendAsync(contract, Run.Metrics(service.MetricsUrl.AbsoluteUri, "s3cret-scrape-token"), BackendKind.MetricsEndpoint);
        Assert.Null(report.FirstBroken);
    }

    public static TheoryData<string, int, string, string> Answers => new()
    {
        // exposition served, status, expected first rule, text the message must contain
        { "# TYPE scanium_http_requests_total counter\nscanium_http_requests_total{env=\"dev\" 1\n", 200, "TC5010", "line 2" },
        { "scanium_http_requests_total 1 2 3 4\n", 200, "TC5010", "line 1" },
        { "\u0000\u0001\u0002binary", 200, "TC5010", "line 1" },
        { "<html><body>Login</body></html>", 200, "TC5010", "line 1" },
        { "", 200, "TC5011", "'scanium_http_requests_total'" },
        { "# TYPE scanium_http_requests_total gauge\nscanium_http_requests_total{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/\",status_code=\"200\"} 1\n", 200, "TC5012", "served as gauge" },
        { "# TYPE scanium_http_requests_total counter\nscanium_http_requests_total{service_name=\"scanium-backend\",env=\"qa\",method=\"GET\",route=\"/\",status_code=\"200\"} 1\n", 200, "TC5015", "env=\"qa\"" },
        { "# TYPE scanium_http_request_duration_ms histogram\nscanium_http_request_duration_ms_bucket{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/\",le=\"0.5\"} 1\nscanium_http_request_duration_ms_bucket{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/\",le=\"+Inf\"} 1\nscanium_http_request_duration_ms_sum{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/\"} 0.2\nscanium_http_request_duration_ms_count{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/\"} 1\n", 200, "TC5014", "[0.5]" },
        { "nothing here", 404, "TC5006", "404" },
        { "forbidden", 403, "TC5005", "403" },
        { "boom", 500, "TC5007", "500" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task EndpointAnswer_ReportsTheRuleThatNamesIt(string body, int status, string rule, string text)
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Exposition(status, body));
        var report = await Run.BackendAsync(Contracts.Scanium(), Run.Metrics(server.Url + "/metrics"), BackendKind.MetricsEndpoint);
        var f = report.Findings.FirstOrDefault(f => f.Id == rule);
        Assert.True(f is not null, $"expected {rule}, got {Run.Ids(report)}");
        Assert.Contains(text, f!.Message + f.Evidence);
        Assert.DoesNotContain(report.Findings, x => x.Id == RuleCatalog.CheckCrashed.Id);
    }

    [Fact]
    public async Task UndeclaredMetricUnderNamespace_ReportsTC5016Warning()
    {
        var contract = Contracts.Scanium();
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Exposition(200, "# TYPE scanium_cache_hits_total counter\nscanium_cache_hits_total 1\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 1\n"));
        var report = await Run.BackendAsync(contract, Run.Metrics(server.Url + "/metrics"), BackendKind.MetricsEndpoint);
        var f = Assert.Single(report.Findings, f => f.Id == "TC5016");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("scanium_cache_hits_total", f.Message);
    }

    [Fact]
    public async Task HostThatDoesNotResolve_ReportsTC5001()
    {
        var report = await Run.BackendAsync(Contracts.Scanium(), Run.Metrics("http://scanium-backend.invalid:8080/metrics"), BackendKind.MetricsEndpoint);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5001", f.Id);
        Assert.Contains("'scanium-backend.invalid' does not resolve", f.Message);
    }

    [Fact]
    public async Task NothingListening_ReportsTC5002WithThePort()
    {
        var port = TestSupport.FreePort.Next();
        var report = await Run.BackendAsync(Contracts.Scanium(), Run.Metrics($"http://127.0.0.1:{port}/metrics"), BackendKind.MetricsEndpoint);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5002", f.Id);
        Assert.Contains($"port {port}", f.Message);
    }

    [Fact]
    public async Task HttpsAgainstPlainHttpPort_ReportsTlsOrUnusableAnswer()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Exposition(200, "x"));
        var report = await Run.BackendAsync(Contracts.Scanium(), Run.Metrics($"https://127.0.0.1:{server.Port}/metrics"), BackendKind.MetricsEndpoint);
        Assert.Contains(report.FirstBrokenFinding!.Id, new[] { "TC5004", "TC5008" });
    }
}
