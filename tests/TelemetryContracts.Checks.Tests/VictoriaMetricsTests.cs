using TelemetryContracts.Checks.Http;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// The Mimir topology on real servers: Prometheus scrapes and remote-writes into VictoriaMetrics, the checks query
/// VictoriaMetrics under /prometheus. Proves the prefix path and the "scrape health from up" path.
/// </summary>
public sealed class VictoriaMetricsTests
{
    // VictoriaMetrics here plays Mimir: fed only by remote write, it scrapes nothing itself.
    private const string NoScrapes = "scrape_configs: []\n";

    private static async Task<(VictoriaMetricsServer Vm, PrometheusServer Prometheus)> StartAsync(string job, string target)
    {
        Skip.If(VictoriaMetricsServer.Binary is null, "victoria-metrics is not installed and apt-get could not install it");
        var vm = await VictoriaMetricsServer.StartAsync(NoScrapes);
        var prometheus = await PrometheusServer.StartAsync($"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ['{target}']
            remote_write:
              - url: {vm.Url}/api/v1/write
                queue_config:
                  batch_send_deadline: 1s
            """);
        return (vm, prometheus);
    }

    private static async Task WaitForUpAsync(string url, string job)
    {
        using var client = new TelemetryContracts.Clients.PrometheusClient(TelemetryContracts.Clients.BackendOptions.For(url) with { Timeout = TimeSpan.FromSeconds(5) });
        Assert.True(await PrometheusServer.WaitUntilAsync(async () =>
        {
            var names = await client.LabelValuesAsync("__name__", [$"{{job=\"{job}\"}}"], DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow, CancellationToken.None);
            var up = await client.QueryAsync($"up{{job=\"{job}\"}}", null, CancellationToken.None);
            return up.Value is { Count: > 0 } && names.Value is { Count: > 1 };
        }, TimeSpan.FromSeconds(60)), "VictoriaMetrics did not receive the job's samples within 60 s");
    }

    [SkippableFact]
    public async Task HealthyServiceThroughRemoteWrite_EveryLinkHoldsUnderThePrefix()
    {
        var contract = Contracts.Scanium(job: "vm-ok");
        await using var service = new ContractService(contract, new ServiceFaults { OmitMetrics = new[] { "scanium_classification_queue_depth" } });
        var (vm, prometheus) = await StartAsync("vm-ok", $"127.0.0.1:{service.Port}");
        await using var _ = vm;
        await using var __ = prometheus;
        await WaitForUpAsync(vm.PrometheusUrl, "vm-ok");

        var report = await Doctor.RunAsync(contract, new CheckSettings { PrometheusUrl = new Uri(vm.PrometheusUrl), Tenant = "team-a" },
            CheckRegistry.All.Where(c => c.Backend == BackendKind.Prometheus).ToList());

        // Scrape health passed through up (VictoriaMetrics lists no targets); the one omitted metric is the only error.
        Assert.Equal(CheckStatus.Passed, report.Results.Single(r => r.Check.Id == ScrapeTargetHealthCheck.CheckId).Status);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5024", f.Id);
        Assert.Contains("'scanium_classification_queue_depth'", f.Message);
        Assert.Contains("/prometheus/api/v1/series", f.Evidence);
        Assert.Single(report.Findings, x => x.Severity == Diagnostics.Severity.Error);
    }

    [SkippableFact]
    public async Task TargetDownThroughRemoteWrite_ReportsUpIsZero()
    {
        var contract = Contracts.Scanium(job: "vm-down");
        var (vm, prometheus) = await StartAsync("vm-down", $"127.0.0.1:{FreePort.Next()}");
        await using var _ = vm;
        await using var __ = prometheus;
        using var client = new TelemetryContracts.Clients.PrometheusClient(TelemetryContracts.Clients.BackendOptions.For(vm.PrometheusUrl) with { Timeout = TimeSpan.FromSeconds(5) });
        Assert.True(await PrometheusServer.WaitUntilAsync(async () => (await client.QueryAsync("up{job=\"vm-down\"}", null, CancellationToken.None)).Value is { Count: > 0 }, TimeSpan.FromSeconds(60)));

        var report = await Doctor.RunAsync(contract, new CheckSettings { PrometheusUrl = new Uri(vm.PrometheusUrl) });
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5022", f.Id);
        Assert.Contains("up{job=\"vm-down\"} is 0", f.Message);
    }

    [SkippableFact]
    public async Task JobNobodyScrapes_ReportsNoUpSeries_SayingTheTsdbIsFedByRemoteWrite()
    {
        var contract = Contracts.Scanium(job: "vm-missing");
        Skip.If(VictoriaMetricsServer.Binary is null, "victoria-metrics is not installed");
        await using var vm = await VictoriaMetricsServer.StartAsync(NoScrapes);
        var report = await Doctor.RunAsync(contract, new CheckSettings { PrometheusUrl = new Uri(vm.PrometheusUrl) });
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5023", f.Id);
        Assert.Contains("fed by remote write", f.Message);
    }
}
