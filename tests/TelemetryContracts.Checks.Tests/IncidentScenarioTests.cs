using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// The incidents from the reports, replayed with the ScaniumBackend sample process and a real Prometheus on 127.0.0.1: each asserts that
/// the doctor's first finding names the cause, as the person who spent hours with curl finally did.
/// </summary>
public sealed class IncidentScenarioTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>
{
    private const string Token = "incident-scrape-token-7f3a";

    private CheckSettings Settings(Uri? metricsUrl, string? metricsToken = null) => new()
    {
        MetricsUrl = metricsUrl,
        MetricsToken = metricsToken,
        PrometheusUrl = new Uri(prometheus.Server.Url),
        RequestTimeout = TimeSpan.FromSeconds(5),
        RunTimeout = TimeSpan.FromSeconds(30),
    };

    [SkippableFact]
    public async Task ScrapeTargetHostDoesNotResolve_FirstFindingSaysTheScraperCannotResolveIt()
    {
        var contract = Contracts.Scanium(job: "incident-dns");
        await using var service = await SampleService.StartAsync();
        await prometheus.ScrapeAsync("incident-dns", "scanium-backend.invalid:8080");
        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl));
        var f = report.FirstBrokenFinding!;
        Assert.True(f.Id == "TC5021", report.Summary + "\n" + f.Evidence);
        Assert.Contains("the scraper cannot resolve 'scanium-backend.invalid'", f.Message);
        Assert.Contains("different networks", f.Hint);
        Assert.Contains("lastError=", f.Evidence);
        Assert.Equal(CheckStatus.NotChecked, report.Results.Single(r => r.Check.Id == MetricSeriesInTsdbCheck.CheckId).Status);
    }

    [SkippableFact]
    public async Task WrongScrapePort_FirstFindingSaysNothingListens()
    {
        var contract = Contracts.Scanium(job: "incident-port");
        await using var service = await SampleService.StartAsync();
        var wrongPort = FreePort.Next();
        await prometheus.ScrapeAsync("incident-port", $"127.0.0.1:{wrongPort}");
        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl));
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5021", f.Id);
        Assert.Contains($"nothing listens on 127.0.0.1:{wrongPort}: wrong port or the service is down", f.Message);
        Assert.Contains("the contract says port 8080", f.Hint);
    }

    [SkippableFact]
    public async Task MetricsNeedBearerTokenTheScraperLacks_FirstFindingSaysSo()
    {
        var contract = Contracts.Scanium(job: "incident-token");
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["SCANIUM_METRICS_TOKEN"] = Token });
        await prometheus.ScrapeAsync("incident-token", $"127.0.0.1:{service.Port}");
        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl, metricsToken: Token));
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5021", f.Id);
        Assert.Contains("the service demands a token the scraper does not send", f.Message);
        Assert.Contains("401", f.Message);
        Assert.All(report.Results.Where(r => r.Check.Backend == BackendKind.MetricsEndpoint), r => Assert.NotEqual(CheckStatus.Failed, r.Status));
        foreach (var format in Enum.GetValues<Cli.Output.ReportFormat>())
        {
            Assert.DoesNotContain(Token, Render(report, format));
        }
    }

    internal static string Render(DoctorReport report, Cli.Output.ReportFormat format)
    {
        var w = new StringWriter();
        switch (format)
        {
            case Cli.Output.ReportFormat.Json: Cli.Output.DoctorJsonRenderer.Render(report, w); break;
            case Cli.Output.ReportFormat.Sarif: Cli.Output.SarifRenderer.Render(report, w); break;
            case Cli.Output.ReportFormat.Junit: Cli.Output.JunitRenderer.Render(report, w); break;
            case Cli.Output.ReportFormat.Markdown: Cli.Output.MarkdownRenderer.Render(report, w); break;
            default: Cli.Output.DoctorTextRenderer.Render(report, w); break;
        }

        return w.ToString();
    }

    [SkippableFact]
    public async Task DeployedBuildLacksDeclaredMetric_DashboardAheadOfCode()
    {
        var contract = Contracts.Scanium(job: "incident-ahead");
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["Scanium__OmitMetrics"] = "items_scanned_total" });
        await prometheus.ScrapeAsync("incident-ahead", $"127.0.0.1:{service.Port}", waitForSeries: true);
        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl));
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5011", f.Id);
        Assert.Contains("'scanium_items_scanned_total' is declared in the contract but the metrics endpoint does not serve it", f.Message);

        var tsdb = Assert.Single(report.Findings, x => x.Id == "TC5024");
        Assert.Contains("has no series of 'scanium_items_scanned_total' for job=\"incident-ahead\"", tsdb.Message);
        Assert.Contains("never existed", tsdb.Message);
    }

    [SkippableFact]
    public async Task LabelRenamedInCode_FirstFindingNamesBothLabels_AndTheTsdbSaysWhatTheSeriesCarry()
    {
        var contract = Contracts.Scanium(job: "incident-label");
        await using var service = await SampleService.StartAsync(new Dictionary<string, string> { ["Scanium__RenameLabel"] = "service_name:app" });
        await prometheus.ScrapeAsync("incident-label", $"127.0.0.1:{service.Port}", waitForSeries: true);
        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl));
        Assert.Equal("TC5013", report.FirstBrokenFinding!.Id);
        Assert.Contains("'app' is served where 'service_name' is declared", report.FirstBrokenFinding.Message);

        var tsdbOnly = await Doctor.RunAsync(contract, Settings(null));
        var f = tsdbOnly.FirstBrokenFinding!;
        Assert.Equal("TC5026", f.Id);
        Assert.Contains("have no label 'service_name'; they carry 'app' instead", f.Message);
    }

    [SkippableFact]
    public async Task MetricUnderKubernetesName_WhereComposeCadvisorServesAnother_SuggestsIt()
    {
        var contract = Contracts.Parse("""
            service: cadvisor
            namespace: container
            scrape: { job: incident-cadvisor, port: 8080 }
            labels:
              name: { max_values: 100, description: Container name. }
            metrics:
              memory_working_set_bytes: { type: gauge, unit: bytes, help: Working set of the container., labels: [name] }
            """);
        // The sample serves no cAdvisor metrics: a runtime-built service stands in for cAdvisor under Compose.
        await using var service = new ContractService(contract, new ServiceFaults { RenameMetric = ("container_memory_working_set_bytes", "container_memory_usage_bytes") });
        await prometheus.ScrapeAsync("incident-cadvisor", $"127.0.0.1:{service.Port}", waitForSeries: true);

        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl));
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5011", f.Id);
        Assert.Contains("did you mean 'container_memory_usage_bytes'", f.Message);

        var tsdbOnly = await Doctor.RunAsync(contract, Settings(null));
        var t = tsdbOnly.FirstBrokenFinding!;
        Assert.Equal("TC5024", t.Id);
        Assert.Contains("did you mean 'container_memory_usage_bytes' (Kubernetes dashboards use the working-set name", t.Message);
    }

    [Fact]
    public async Task PrometheusNotRunning_FirstFindingSaysConnectionRefused()
    {
        var contract = Contracts.Scanium();
        var port = FreePort.Next();
        var report = await Doctor.RunAsync(contract, new CheckSettings { PrometheusUrl = new Uri($"http://127.0.0.1:{port}"), RequestTimeout = TimeSpan.FromSeconds(5) });
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5002", f.Id);
        Assert.Equal($"Prometheus at http://127.0.0.1:{port} refused the connection: nothing listens on port {port}.", f.Message);
        Assert.Equal(new[] { CheckStatus.Failed, CheckStatus.NotChecked, CheckStatus.NotChecked },
            report.Results.Where(r => r.Check.Backend == BackendKind.Prometheus).Select(r => r.Status));
    }

    [SkippableFact]
    public async Task HealthyService_ScrapedByPrometheus_EveryLinkHolds_WithFiveRequests()
    {
        var contract = Contracts.Scanium(job: "incident-none");
        await using var service = await SampleService.StartAsync();
        await prometheus.ScrapeAsync("incident-none", $"127.0.0.1:{service.Port}", waitForSeries: true);
        using var context = new CheckContext(contract, Settings(null));
        var snapshot = await context.GetTsdbSnapshotAsync(CancellationToken.None);
        Assert.Equal(5, snapshot!.Requests);
        var report = await Doctor.RunAsync(contract, Settings(service.MetricsUrl));
        Assert.True(report.FirstBroken is null, string.Join("\n", report.Findings.Select(f => f + "\n" + f.Evidence)));
    }
}
