using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TelemetryContracts.Contracts;
using TelemetryContracts.TestSupport;

namespace ScaniumBackend.Tests;

/// <summary>The sample, started as a process, serves the contract: every metric has series, logs carry the stream labels.</summary>
public sealed class ScaniumBackendServiceTests
{
    [Fact]
    public async Task AfterALittleTraffic_EveryContractMetricHasSeries_WithTheContractsLabels()
    {
        var contract = ContractLoader.LoadFile(SampleService.ContractPath).Contract;
        await using var service = await SampleService.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        await SampleService.TrafficAsync(http);
        var exposition = await http.GetStringAsync("metrics");

        foreach (var metric in contract.Metrics)
        {
            var name = metric.Type == MetricType.Histogram ? metric.FullName + "_count" : metric.FullName;
            var series = exposition.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal)).ToList();
            Assert.True(series.Count > 0, $"No series of {name} in:\n{exposition}");
            foreach (var label in metric.Labels)
            {
                Assert.Contains(label + "=\"", series[0], StringComparison.Ordinal);
            }

            Assert.Contains("env=\"dev\"", series[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RequestMetrics_CarryTheRouteTemplateMethodAndStatusCode()
    {
        await using var service = await SampleService.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        await http.GetAsync("api/items/2");
        await http.GetAsync("api/items/3");
        var failed = await http.GetAsync("api/fail");
        var exposition = await http.GetStringAsync("metrics");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("scanium_http_requests_total{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/api/items/{id:int}\",status_code=\"200\"} 2", exposition, StringComparison.Ordinal);
        Assert.Contains("scanium_http_requests_total{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/api/fail\",status_code=\"500\"} 1", exposition, StringComparison.Ordinal);
        Assert.Contains("scanium_http_request_duration_ms_bucket{service_name=\"scanium-backend\",env=\"dev\",method=\"GET\",route=\"/api/fail\",le=\"600\"} 1", exposition, StringComparison.Ordinal);
        Assert.Contains("scanium_items_scanned_total{env=\"dev\",category=\"books\",outcome=\"failure\"} 0", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_AreJsonLines_CarryingTheDeclaredStreamLabelsLevelsAndFields()
    {
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["Scanium__Env"] = "staging" });
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        await http.GetAsync("api/fail");
        var line = await service.WaitForLineAsync(l => l.StartsWith('{') && l.Contains("\"/api/fail\"", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("scanium-backend", root.GetProperty("source").GetString());
        Assert.Equal("staging", root.GetProperty("env").GetString());
        Assert.Equal("error", root.GetProperty("level").GetString());
        Assert.Equal("GET", root.GetProperty("method").GetString());
        Assert.Equal(500, root.GetProperty("status_code").GetInt32());
        Assert.Equal("request failed", root.GetProperty("msg").GetString());
        Assert.Contains("Simulated failure", root.GetProperty("error_message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsEndpoint_RequiresTheBearerToken_WhenConfigured_AndNeverPrintsIt()
    {
        const string token = "tc-sample-token-5f1c";
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["SCANIUM_METRICS_TOKEN"] = token });
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        var anonymous = await http.GetAsync("metrics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        var authorised = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.Contains("scanium_http_requests_in_flight", await authorised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(service.OutputLines, l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OmitMetricsSwitch_ServesTheBuildThatLacksTheMetric()
    {
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["Scanium__OmitMetrics"] = "items_scanned_total" });
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        await SampleService.TrafficAsync(http);
        var exposition = await http.GetStringAsync("metrics");

        Assert.DoesNotContain("scanium_items_scanned", exposition, StringComparison.Ordinal);
        Assert.Contains("scanium_http_requests_total{", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameLabelSwitch_ExportsTheLabelUnderTheOtherName()
    {
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["Scanium__RenameLabel"] = "service_name:app" });
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        await http.GetAsync("api/items");
        var exposition = await http.GetStringAsync("metrics");

        Assert.DoesNotContain("service_name=", exposition, StringComparison.Ordinal);
        Assert.Contains("scanium_http_requests_total{app=\"scanium-backend\",env=\"dev\"", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnvOutsideTheContract_StopsStartup_NamingTheDeclaredValues()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SampleService.StartAsync(new Dictionary<string, string> { ["Scanium__Env"] = "production" }));

        Assert.Contains("dev, staging, prod", error.Message, StringComparison.Ordinal);
    }
}
