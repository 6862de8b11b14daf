using System.Text.Json;
using TelemetryContracts.TestSupport;
using Xunit.Abstractions;

namespace TelemetryContracts.AspNetCore.Tests;

/// <summary>A real Prometheus scraping the real test app over 127.0.0.1.</summary>
public sealed class PrometheusScrapeTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task RealPrometheus_ScrapesApp_UpIsOne_SeriesHaveDeclaredLabels_WrongTokenShows401()
    {
        Skip.If(PrometheusServer.Binary is null, "prometheus is not installed and apt-get could not install it");
        await using var app = await TestHostApp.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        (await http.PostAsync(app.Url + "/checkout/eu", null)).EnsureSuccessStatusCode();
        (await http.PostAsync(app.Url + "/checkout/us", null)).EnsureSuccessStatusCode();

        var target = new Uri(app.Url).Authority;
        var config = $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: shop
                authorization:
                  credentials: {TestHostApp.Token}
                static_configs:
                  - targets: ['{target}']
              - job_name: shop-wrong-token
                authorization:
                  credentials: not-the-token
                static_configs:
                  - targets: ['{target}']
              - job_name: shop-no-token
                static_configs:
                  - targets: ['{target}']
            """;
        await using var prometheus = await PrometheusServer.StartAsync(config);

        async Task<JsonElement> Api(string pathAndQuery)
        {
            var json = await http.GetStringAsync(prometheus.Url + pathAndQuery);
            return JsonDocument.Parse(json).RootElement.GetProperty("data");
        }

        var up = await PrometheusServer.WaitUntilAsync(
            async () => (await Api("/api/v1/query?query=" + Uri.EscapeDataString("up{job=\"shop\"} == 1"))).GetProperty("result").GetArrayLength() == 1,
            TimeSpan.FromSeconds(60));
        Assert.True(up, "up{job=\"shop\"} never became 1");

        foreach (var (metric, labels) in TestHostApp.Declared)
        {
            var series = (await Api("/api/v1/series?match[]=" + Uri.EscapeDataString(metric + "{job=\"shop\"}"))).EnumerateArray().ToList();
            Assert.True(series.Count > 0, $"no series for {metric}");
            foreach (var s in series)
            {
                var names = s.EnumerateObject().Select(p => p.Name).Where(n => n is not ("__name__" or "job" or "instance")).OrderBy(n => n).ToArray();
                Assert.Equal(labels.OrderBy(n => n).ToArray(), names);
            }

            output.WriteLine($"{metric}: {series.Count} series, labels [{string.Join(", ", labels)}]");
        }

        var bridged = (await Api("/api/v1/series?match[]=" + Uri.EscapeDataString("http_server_request_duration_seconds_count{job=\"shop\"}"))).EnumerateArray().ToList();
        Assert.Contains(bridged, s => s.TryGetProperty("http_route", out var r) && r.GetString() == "/checkout/{region}");

        var denied = await PrometheusServer.WaitUntilAsync(
            async () => (await Api("/api/v1/targets")).GetProperty("activeTargets").EnumerateArray()
                .Count(t => t.GetProperty("labels").GetProperty("job").GetString() is "shop-wrong-token" or "shop-no-token"
                    && t.GetProperty("lastError").GetString()!.Contains("401")) == 2,
            TimeSpan.FromSeconds(30));
        var targets = (await Api("/api/v1/targets")).GetProperty("activeTargets").EnumerateArray().ToList();
        foreach (var t in targets)
        {
            output.WriteLine($"{t.GetProperty("labels").GetProperty("job").GetString()}: health={t.GetProperty("health").GetString()} lastError={t.GetProperty("lastError").GetString()}");
        }

        Assert.True(denied, "the wrong-token and no-token targets did not report 401 in lastError");
        Assert.DoesNotContain(targets, t => t.GetProperty("lastError").GetString()!.Contains(TestHostApp.Token));
    }
}
