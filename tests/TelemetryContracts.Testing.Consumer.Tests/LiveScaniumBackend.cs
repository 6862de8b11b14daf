using System.Net.Http.Json;
using TelemetryContracts.Clients;
using TelemetryContracts.Contracts;
using TelemetryContracts.TestSupport;

namespace Scanium.Tests;

/// <summary>
/// What a user's integration suite does before the generated contract tests run: start the service, let it serve some
/// traffic, point a real Prometheus at it with the contract's job and the scrape token, and hand the kit the URLs
/// through the <c>TC_*</c> variables. Loki and Grafana cannot run here, so their generated tests still skip.
/// </summary>
public sealed class LiveScaniumBackend : IAsyncLifetime
{
    /// <summary>The xunit collection of the tests that need the live system.</summary>
    public const string Collection = "live scanium-backend";

    // Test-only credential, different on every run; the kit must never print it.
    private readonly string token = Guid.NewGuid().ToString("N");
    private ServiceProcess? service;
    private PrometheusServer? prometheus;

    public async Task InitializeAsync()
    {
        var contract = ContractLoader.LoadFile(ScaniumBackendContractTests.Contract).Contract!;
        var dll = RepoPaths.ScaniumBackendDll;
        service = await ServiceProcess.StartAsync(dll, new Dictionary<string, string> { ["SCANIUM_METRICS_TOKEN"] = token });
        await DriveTrafficAsync(service.BaseAddress);

        var job = contract.Scrape!.Job;
        prometheus = await PrometheusServer.StartAsync($"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {job}
                authorization:
                  type: Bearer
                  credentials: {token}
                static_configs:
                  - targets: ['{service.BaseAddress.Authority}']
            """);

        // Every declared metric has series once Prometheus has scraped after the traffic.
        var names = contract.Metrics.SelectMany(m => m.SeriesNames).ToHashSet(StringComparer.Ordinal);
        using var client = new PrometheusClient(BackendOptions.For(prometheus.Url) with { Timeout = TimeSpan.FromSeconds(5) });
        var scraped = await PrometheusServer.WaitUntilAsync(async () =>
        {
            var series = await client.SeriesAsync([$"{{job=\"{job}\"}}"], DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow, CancellationToken.None);
            var seen = series.Value?.Select(s => s.TryGetValue("__name__", out var n) ? n : "").ToHashSet(StringComparer.Ordinal);
            return seen is not null && names.IsSubsetOf(seen);
        }, TimeSpan.FromSeconds(60));
        Assert.True(scraped, $"Prometheus did not get series of every declared metric of job {job} within 60 s");

        Environment.SetEnvironmentVariable("TC_METRICS_URL", new Uri(service.BaseAddress, contract.Scrape.Path).AbsoluteUri);
        Environment.SetEnvironmentVariable("TC_METRICS_TOKEN", token);
        Environment.SetEnvironmentVariable("TC_PROMETHEUS_URL", prometheus.Url);
    }

    public async Task DisposeAsync()
    {
        if (prometheus is not null)
        {
            await prometheus.DisposeAsync();
        }

        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }

    /// <summary>Requests that make every declared metric move: served routes, a failure, a slow call and scans.</summary>
    private static async Task DriveTrafficAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 5; i++)
        {
            (await http.GetAsync("/api/items")).Dispose();
            (await http.GetAsync("/api/items/1")).Dispose();
            (await http.GetAsync("/api/fail")).Dispose();
            (await http.GetAsync("/api/slow?ms=5")).Dispose();
            (await http.PostAsJsonAsync("/api/scans", new { name = "lamp" })).Dispose();
        }
    }
}

[CollectionDefinition(LiveScaniumBackend.Collection)]
public sealed class LiveScaniumBackendCollection : ICollectionFixture<LiveScaniumBackend>;

/// <summary>The generated class is partial, so a user's suite can put it in the collection that starts the live system.</summary>
[Collection(LiveScaniumBackend.Collection)]
public sealed partial class ScaniumBackendContractTests;
