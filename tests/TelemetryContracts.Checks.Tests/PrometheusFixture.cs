using TelemetryContracts.Checks.Http;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>One real Prometheus for the incident scenarios; each scenario reloads it with its own job so histories never mix.</summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    public PrometheusServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PrometheusServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Points Prometheus at <paramref name="target"/> under <paramref name="job"/> and waits until it has scraped it once (up or down).</summary>
    public async Task ScrapeAsync(string job, string target, string? bearerToken = null, bool waitForSeries = false)
    {
        var auth = bearerToken is null ? "" : $"    authorization:\n      type: Bearer\n      credentials: {bearerToken}\n";
        await Server.ReloadAsync($"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ['{target}']
            {auth}
            """);
        using var client = new TelemetryContracts.Clients.PrometheusClient(TelemetryContracts.Clients.BackendOptions.For(Server.Url) with { Timeout = TimeSpan.FromSeconds(5) });
        var ok = await PrometheusServer.WaitUntilAsync(async () =>
        {
            var targets = await client.TargetsAsync("active", CancellationToken.None);
            var mine = targets.Value?.Active.FirstOrDefault(t => t.Labels.TryGetValue("job", out var j) && j == job);
            if (mine is null || mine.Health == "unknown")
            {
                return false;
            }

            if (!waitForSeries)
            {
                return true;
            }

            var series = await client.SeriesAsync([$"{{job=\"{job}\",__name__!=\"up\",__name__!~\"scrape_.*\"}}"], DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow, CancellationToken.None);
            return series.Value is { Count: > 0 };
        }, TimeSpan.FromSeconds(60));
        Assert.True(ok, $"Prometheus did not scrape job {job} within 60 s");
    }
}
