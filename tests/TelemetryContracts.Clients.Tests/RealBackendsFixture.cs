using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Clients.Tests;

/// <summary>
/// One real Prometheus and one real VictoriaMetrics, both scraping a local service every second (answering
/// OpenMetrics when asked, the text format otherwise) and a port where nothing listens. Shared by the tests of a class.
/// </summary>
public sealed class RealBackendsFixture : IAsyncLifetime
{
    public const string TextExposition = """
        # HELP shop_orders_total Orders placed.
        # TYPE shop_orders_total counter
        shop_orders_total{status="paid"} 42
        # HELP shop_checkout_seconds Checkout latency.
        # TYPE shop_checkout_seconds histogram
        shop_checkout_seconds_bucket{le="0.5"} 3
        shop_checkout_seconds_bucket{le="+Inf"} 4
        shop_checkout_seconds_sum 2.5
        shop_checkout_seconds_count 4

        """;

    public const string OpenMetricsExposition = """
        # TYPE shop_orders counter
        # HELP shop_orders Orders placed.
        shop_orders_total{status="paid"} 42
        # TYPE shop_checkout_seconds histogram
        # UNIT shop_checkout_seconds seconds
        # HELP shop_checkout_seconds Checkout latency.
        shop_checkout_seconds_bucket{le="0.5"} 3
        shop_checkout_seconds_bucket{le="+Inf"} 4
        shop_checkout_seconds_sum 2.5
        shop_checkout_seconds_count 4
        # EOF

        """;

    public LocalHttpServer App { get; private set; } = null!;

    public PrometheusServer Prometheus { get; private set; } = null!;

    public VictoriaMetricsServer Victoria { get; private set; } = null!;

    public int DeadPort { get; } = FreePort.Next();

    /// <summary>A client for <paramref name="backend"/> (<c>prometheus</c>, or <c>victoriametrics</c> under its /prometheus prefix).</summary>
    public PrometheusClient Client(string backend) =>
        new(BackendOptions.For(backend == "prometheus" ? Prometheus.Url : Victoria.PrometheusUrl) with { Timeout = TimeSpan.FromSeconds(10) });

    public async Task InitializeAsync()
    {
        App = LocalHttpServer.Start(r =>
        {
            if (r.Path != "/metrics")
            {
                return LocalHttpResponse.Text(404, "404 page not found");
            }

            return r.Headers.TryGetValue("accept", out var accept) && accept.Contains("application/openmetrics-text", StringComparison.Ordinal)
                ? LocalHttpResponse.Text(200, OpenMetricsExposition, "application/openmetrics-text; version=1.0.0; charset=utf-8")
                : LocalHttpResponse.Text(200, TextExposition, "text/plain; version=0.0.4; charset=utf-8");
        });
        var config = $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: app
                static_configs:
                  - targets: ['127.0.0.1:{App.Port}']
              - job_name: dead
                static_configs:
                  - targets: ['127.0.0.1:{DeadPort}']
            """;
        var prometheus = PrometheusServer.StartAsync(config);
        var victoria = VictoriaMetricsServer.StartAsync(config);
        Prometheus = await prometheus;
        Victoria = await victoria;
        foreach (var backend in new[] { "prometheus", "victoriametrics" })
        {
            using var client = Client(backend);
            var scraped = await PrometheusServer.WaitUntilAsync(async () =>
            {
                var r = await client.QueryAsync("up{job=\"app\"} == 1 and on() count(up{job=\"dead\"} == 0) > 0");
                return r.IsSuccess && r.Value.Vector.Count > 0;
            }, TimeSpan.FromSeconds(60));
            if (!scraped)
            {
                throw new TimeoutException($"{backend} did not scrape both targets within 60 s");
            }
        }
    }

    public async Task DisposeAsync()
    {
        Prometheus?.Dispose();
        Victoria?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
