using TelemetryContracts.Checks;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Testing.Tests;

/// <summary>The kit as generated tests use it, against the real ScaniumBackend sample process.</summary>
public sealed class ContractAssertTests
{
    private static readonly ContractTestSettings Nothing = ContractTestSettings.FromEnvironment(_ => null);

    [Fact]
    public async Task BackendNotConfigured_SkipsWithTheVariableToSet()
    {
        var e = await Assert.ThrowsAsync<SkipException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", Nothing));
        Assert.Contains("TC_METRICS_URL", e.Message);
        var p = await Assert.ThrowsAsync<SkipException>(() => ContractAssert.MetricHasSeriesInPrometheusAsync(Sample.Contract, "scanium_http_requests_total", Nothing));
        Assert.Contains("TC_PROMETHEUS_URL", p.Message);
        var l = await Assert.ThrowsAsync<SkipException>(() => ContractAssert.LogStreamHasLinesInLokiAsync(Sample.Contract, "backend", Nothing));
        Assert.Contains("TC_LOKI_URL", l.Message);
        await Assert.ThrowsAsync<SkipException>(() => ContractAssert.DashboardsAreProvisionedInGrafanaAsync(Sample.Contract, Nothing));
        await Assert.ThrowsAsync<SkipException>(() => ContractCoverage.AssertEverythingEmittedAsync(Sample.Contract, Nothing));
    }

    [Fact]
    public async Task SampleService_ServesEveryDeclaredMetric()
    {
        await using var service = await Sample.StartAsync();
        var settings = Sample.Metrics(service);
        foreach (var metric in new[] { "scanium_http_requests_total", "scanium_http_request_duration_ms", "scanium_http_requests_in_flight", "scanium_items_scanned_total", "scanium_classification_queue_depth" })
        {
            await ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, metric, settings);
        }
    }

    [Fact]
    public async Task BuildWithoutAMetric_FailsThatMetricsTestOnly_WithTheFinding()
    {
        await using var service = await Sample.StartAsync(new Dictionary<string, string> { ["Scanium__OmitMetrics"] = "items_scanned_total" });
        var settings = Sample.Metrics(service);
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_items_scanned_total", settings));
        Assert.Contains("TC5011", e.Message);
        Assert.Contains("'scanium_items_scanned_total' is declared in the contract but the metrics endpoint does not serve it", e.Message);
        Assert.Contains("docs/rules/TC5011.md", e.Message);
        await ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", settings);
    }

    [Fact]
    public async Task RenamedLabel_FailsTheMetricsThatCarryIt()
    {
        await using var service = await Sample.StartAsync(new Dictionary<string, string> { ["Scanium__RenameLabel"] = "service_name:app" });
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", Sample.Metrics(service)));
        Assert.Contains("TC5013", e.Message);
        Assert.Contains("'app' is served where 'service_name' is declared", e.Message);
    }

    [Fact]
    public async Task TokenProtectedMetrics_FailWithoutTheToken_PassWithIt_AndTheTokenNeverShows()
    {
        const string token = "kit-test-token-42ab";
        await using var service = await Sample.StartAsync(new Dictionary<string, string> { ["SCANIUM_METRICS_TOKEN"] = token });
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", Sample.Metrics(service)));
        Assert.Contains("TC5005", e.Message);
        Assert.Contains("no credential sent", e.Message);

        await ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", Sample.Metrics(service, token));

        var wrong = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", Sample.Metrics(service, token + "-wrong")));
        Assert.DoesNotContain(token, wrong.Message);
    }

    [Fact]
    public async Task EndpointDown_FailsEveryMetricWithTheCause()
    {
        var settings = ContractTestSettings.FromEnvironment(n => n == "TC_METRICS_URL" ? $"http://127.0.0.1:{FreePort.Next()}/metrics" : null);
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_items_scanned_total", settings));
        Assert.Contains("TC5002", e.Message);
        Assert.Contains("refused the connection", e.Message);
    }

    [Fact]
    public async Task UnknownMetricName_FailsNamingTheContract()
    {
        await using var service = await Sample.StartAsync();
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_nope_total", Sample.Metrics(service)));
        Assert.Contains("declares no metric 'scanium_nope_total'", e.Message);
    }

    [Fact]
    public async Task Coverage_FailsListingTheMetricNeverEmitted()
    {
        await using var service = await Sample.StartAsync(new Dictionary<string, string> { ["Scanium__OmitMetrics"] = "classification_queue_depth" });
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        await http.GetAsync("api/items");
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractCoverage.AssertEverythingEmittedAsync(Sample.Contract, Sample.Metrics(service)));
        Assert.Contains("metric scanium_classification_queue_depth: declared", e.Message);
        Assert.DoesNotContain("metric scanium_http_requests_total", e.Message);
    }

    [Fact]
    public async Task Coverage_AfterTraffic_CountsEveryMetricTheSampleEmits()
    {
        await using var service = await Sample.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        await http.GetAsync("api/items");
        await http.PostAsync("api/scans", new StringContent("{\"name\":\"usb charger\"}", System.Text.Encoding.UTF8, "application/json"));
        using var context = new CheckContext(TelemetryContracts.Contracts.ContractLoader.LoadFile(Sample.Contract).Contract, Sample.Metrics(service).Checks);
        var exposition = await context.GetExpositionAsync(CancellationToken.None);
        var report = ContractCoverage.Measure(context.Contract, exposition!);
        Assert.Contains("scanium_http_requests_total", report.EmittedMetrics);
        Assert.Contains("scanium_http_request_duration_ms", report.EmittedMetrics);
    }
}
