using System.Diagnostics;
using System.Text;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// Endpoints that misbehave: accept and never answer, answer garbage, answer 50 MB. Each run must end (within its
/// request timeout, which is what the assertion on the finding proves, never a wall-clock assertion) with a classified finding.
/// </summary>
public sealed class FaultTests
{
    private static CheckSettings Settings(string url) => new()
    {
        MetricsUrl = new Uri(url + "/metrics"),
        PrometheusUrl = new Uri(url),
        LokiUrl = new Uri(url),
        GrafanaUrl = new Uri(url),
        RequestTimeout = TimeSpan.FromSeconds(1),
        RunTimeout = TimeSpan.FromSeconds(20),
        MaxResponseBytes = 4L * 1024 * 1024,
    };

    [Fact]
    public async Task EndpointThatNeverAnswers_EveryBackendReportsTimeout()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Hang());
        var report = await Doctor.RunAsync(Contracts.Scanium(), Settings(server.Url));
        var firsts = report.Results.Where(r => r.Status == CheckStatus.Failed).Select(r => r.Findings[0]).ToList();
        Assert.Equal(4, firsts.Count);
        Assert.All(firsts, f => Assert.Equal("TC5003", f.Id));
        Assert.Contains("did not answer within the timeout", firsts[0].Message);
        Assert.Contains("no answer within 1 s", firsts[0].Evidence);
    }

    [Fact]
    public async Task EndpointThatAnswersGarbage_ReportsNotHttp()
    {
        var garbage = Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001garbage");
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Garbage(garbage));
        var report = await Doctor.RunAsync(Contracts.Scanium(), Settings(server.Url));
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5008", f.Id);
        Assert.Contains("not HTTP", f.Message);
        Assert.All(report.Results.Where(r => r.Status == CheckStatus.Failed), r => Assert.Equal("TC5008", r.Findings[0].Id));
    }

    [Fact]
    public async Task EndpointThatAnswers50MB_StopsAtTheLimit()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Huge(50L * 1024 * 1024));
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(server.Url) with { RequestTimeout = TimeSpan.FromSeconds(10) }, BackendKind.MetricsEndpoint);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5008", f.Id);
        Assert.Contains("larger than the limit of 4194304 bytes", f.Message);
    }

    [Fact]
    public async Task ManyHangingBackends_TheRunBudgetEndsTheRunWithTC5098()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Hang());
        var settings = Settings(server.Url) with { RequestTimeout = TimeSpan.FromSeconds(30), RunTimeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        var report = await Doctor.RunAsync(Contracts.Scanium(), settings);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5098", f.Id);
        Assert.Contains("budget of 2s", f.Message);
        Assert.All(report.Results.Skip(1), r => Assert.NotEqual(CheckStatus.Passed, r.Status));
    }
}
