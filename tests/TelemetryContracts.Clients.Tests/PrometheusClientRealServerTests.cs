namespace TelemetryContracts.Clients.Tests;

/// <summary>The Prometheus client against real Prometheus 2.42 and real VictoriaMetrics (its /prometheus prefix).</summary>
public class PrometheusClientRealServerTests(RealBackendsFixture backends) : IClassFixture<RealBackendsFixture>
{
    public static TheoryData<string> Backends => new() { "prometheus", "victoriametrics" };

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task InstantQuery_ReturnsTheScrapedCounterAsVector(string backend)
    {
        using var client = backends.Client(backend);

        var result = await client.QueryAsync("shop_orders_total");

        var sample = Assert.Single(result.Value!.Vector);
        Assert.Equal(("paid", "app", 42d), (sample.Labels["status"], sample.Labels["job"], sample.Point.Value));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Up_IsOneForTheServiceAndZeroForTheDeadPort(string backend)
    {
        using var client = backends.Client(backend);

        var result = await client.QueryAsync("up");

        var byJob = result.Value!.Vector.ToDictionary(v => v.Labels["job"], v => v.Point.Value);
        Assert.Equal((1d, 0d), (byJob["app"], byJob["dead"]));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task RangeQuery_ReturnsAMatrix(string backend)
    {
        using var client = backends.Client(backend);
        var end = DateTimeOffset.UtcNow;

        var result = await client.QueryRangeAsync("sum by (job) (up)", end.AddSeconds(-30), end, TimeSpan.FromSeconds(1));

        Assert.Equal(QueryResultType.Matrix, result.Value!.ResultType);
        Assert.Contains(result.Value.Matrix, s => s.Labels["job"] == "app" && s.Points.Count > 0 && s.Points[^1].Value == 1);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ScalarQuery_ReturnsAScalar(string backend)
    {
        using var client = backends.Client(backend);

        var result = await client.QueryAsync("scalar(sum(up))");

        // VictoriaMetrics answers scalar() as a one-series vector; Prometheus as a scalar.
        var value = result.Value!.ResultType == QueryResultType.Scalar ? result.Value.Scalar!.Value.Value : Assert.Single(result.Value.Vector).Point.Value;
        Assert.Equal(1d, value);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task SeriesLabelsAndValues_SeeTheScrapedNames(string backend)
    {
        using var client = backends.Client(backend);
        var end = DateTimeOffset.UtcNow;

        var series = await client.SeriesAsync(["shop_checkout_seconds_bucket"], end.AddMinutes(-5), end);
        var names = await client.LabelNamesAsync();
        var values = await client.LabelValuesAsync("le", ["shop_checkout_seconds_bucket"]);

        Assert.Equal(2, series.Value!.Count);
        Assert.Contains("status", names.Value!);
        Assert.Contains("+Inf", values.Value!);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Targets_ReportTheDeadPortsLastError(string backend)
    {
        using var client = backends.Client(backend);

        var result = await client.TargetsAsync();

        var dead = result.Value!.Active.Single(t => t.Labels["job"] == "dead");
        var app = result.Value.Active.Single(t => t.Labels["job"] == "app");
        Assert.Equal("down", dead.Health);
        Assert.Contains("connection refused", dead.LastError, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:{backends.DeadPort}/metrics", dead.ScrapeUrl);
        Assert.True(app.IsUp);
        Assert.Equal(string.Empty, app.LastError);
        Assert.Equal($"127.0.0.1:{backends.App.Port}", app.DiscoveredLabels["__address__"]);
        if (backend == "prometheus")
        {
            Assert.Equal("1s", app.ScrapeInterval);
            Assert.Null(app.LastSamplesScraped);
        }
        else
        {
            // VictoriaMetrics: the same JSON shape minus scrapeInterval/scrapeTimeout/globalUrl, plus lastSamplesScraped.
            Assert.Null(app.ScrapeInterval);
            Assert.True(app.LastSamplesScraped > 0);
        }
    }

    [Fact]
    public async Task BuildInfo_PrometheusHasAVersion_VictoriaMetricsAnswersAnEmptyObject()
    {
        using var prometheus = backends.Client("prometheus");
        using var victoria = backends.Client("victoriametrics");

        var p = await prometheus.BuildInfoAsync();
        var v = await victoria.BuildInfoAsync();

        Assert.StartsWith("2.42", p.Value!.Version, StringComparison.Ordinal);
        Assert.Equal(new BuildInfo(null, null, null, null, null, null), v.Value);
    }

    [Fact]
    public async Task FormatQuery_PrometheusPrettifies_VictoriaMetricsRejectsThePath()
    {
        using var prometheus = backends.Client("prometheus");
        using var victoria = backends.Client("victoriametrics");

        var p = await prometheus.FormatQueryAsync("sum(rate(http_requests_total{job=\"a\"}[5m]))by(job)");
        var v = await victoria.FormatQueryAsync("up");

        Assert.Equal("sum by (job) (rate(http_requests_total{job=\"a\"}[5m]))", p.Value);
        Assert.Equal((ClientFailureKind.HttpStatus, 400), (v.Failure!.Kind, v.Failure.StatusCode));
        Assert.Contains("unsupported path", v.Failure.BodyExcerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prometheus", 400, "bad_data")]
    [InlineData("victoriametrics", 422, "422")]
    public async Task BadQuery_IsAnHttpStatusWithTheApiError(string backend, int status, string errorType)
    {
        using var client = backends.Client(backend);

        var result = await client.QueryAsync("sum(rate(up[5m])");

        Assert.Equal((ClientFailureKind.HttpStatus, status, errorType), (result.Failure!.Kind, result.Failure.StatusCode, result.Failure.Api!.Type));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Ready_IsTrue(string backend)
    {
        using var client = backends.Client(backend);

        var result = await client.ReadyAsync();

        Assert.True(result.Value!.IsReady, result.Value.Message);
    }

    [Fact]
    public async Task GetExposition_NegotiatesOpenMetricsAndParsesIt()
    {
        using var client = backends.Client("prometheus");

        var result = await client.GetExpositionAsync(new Uri(backends.App.Url + "/metrics"));

        var parsed = result.Value!;
        Assert.True(parsed.Success, parsed.Error?.ToString());
        Assert.Equal(Exposition.ExpositionFormat.OpenMetrics, parsed.Format);
        Assert.Equal(("seconds", Exposition.MetricType.Histogram), (parsed.Find("shop_checkout_seconds")!.Unit, parsed.Find("shop_checkout_seconds")!.Type));
        Assert.Equal(42, parsed.Find("shop_orders")!.Samples.Single().Value);
    }

    [Fact]
    public async Task GetExposition_OfAPrometheusServer_ParsesItsOwnMetrics()
    {
        using var client = backends.Client("prometheus");

        var result = await client.GetExpositionAsync(new Uri(backends.Prometheus.Url + "/metrics"));

        Assert.True(result.Value!.Success, result.Value.Error?.ToString());
        Assert.Contains(result.Value.Families, f => f.Name == "prometheus_build_info");
    }
}
