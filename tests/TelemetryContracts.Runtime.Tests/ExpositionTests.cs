namespace TelemetryContracts.Runtime.Tests;

public sealed class ExpositionTests
{
    private static MetricRegistry EveryType()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var requests = registry.CreateCounter("http_requests_total", "Requests served.\nBy route.", labelNames: ["route", "status"]);
        requests.WithLabels("/api/items", LabelValues.Int32(200)).Add(3);
        requests.WithLabels("/say \"hi\"\\", LabelValues.Int32(500)).Inc();
        registry.CreateDoubleCounter("cpu_seconds", "CPU \"time\" \\ used.", "seconds").Add(1.5);
        registry.CreateGauge("queue_depth", "Items waiting.", labelNames: ["queue"]).WithLabels("line1\nline2").Set(-2.25);
        registry.CreateUpDownCounter("requests_in_flight", "Requests being served.").Add(4);
        var duration = registry.CreateHistogram("request_duration_seconds", "Request duration.", "seconds", ["route"], [0.1, 0.5, 1]);
        var items = duration.WithLabels("/api/items");
        items.Observe(0.05);
        items.Observe(0.1);
        items.Observe(0.7);
        items.Observe(3);
        registry.CreateCallbackGauge("build_info_version", "Build number.", "", () => 42);
        return registry;
    }

    [Fact]
    public void PrometheusText_WritesHelpTypeAndEscapedLabels()
    {
        using var registry = EveryType();
        var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        Assert.Equal(
            """
            # HELP http_requests_total Requests served.\nBy route.
            # TYPE http_requests_total counter
            http_requests_total{route="/api/items",status="200"} 3
            http_requests_total{route="/say \"hi\"\\",status="500"} 1
            # HELP cpu_seconds_total CPU "time" \\ used.
            # TYPE cpu_seconds_total counter
            cpu_seconds_total 1.5
            # HELP queue_depth Items waiting.
            # TYPE queue_depth gauge
            queue_depth{queue="line1\nline2"} -2.25
            # HELP requests_in_flight Requests being served.
            # TYPE requests_in_flight gauge
            requests_in_flight 4
            # HELP request_duration_seconds Request duration.
            # TYPE request_duration_seconds histogram
            request_duration_seconds_bucket{route="/api/items",le="0.1"} 2
            request_duration_seconds_bucket{route="/api/items",le="0.5"} 2
            request_duration_seconds_bucket{route="/api/items",le="1"} 3
            request_duration_seconds_bucket{route="/api/items",le="+Inf"} 4
            request_duration_seconds_sum{route="/api/items"} 3.85
            request_duration_seconds_count{route="/api/items"} 4
            # HELP build_info_version Build number.
            # TYPE build_info_version gauge
            build_info_version 42

            """.Replace("\r\n", "\n"),
            text);
        StrictExpositionReader.Read(text, openMetrics: false);
    }

    [Fact]
    public void OpenMetrics_WritesUnitOnlyWhenNameEndsWithIt_EscapesQuotesInHelp_AndEndsWithEof()
    {
        using var registry = EveryType();
        var text = registry.ToExpositionString(ExpositionFormat.OpenMetrics);
        Assert.Contains("# TYPE http_requests counter\n# HELP http_requests Requests served.\\nBy route.\nhttp_requests_total{route=\"/api/items\",status=\"200\"} 3\n", text);
        Assert.Contains("# TYPE cpu_seconds counter\n# UNIT cpu_seconds seconds\n# HELP cpu_seconds CPU \\\"time\\\" \\\\ used.\ncpu_seconds_total 1.5\n", text);
        Assert.Contains("# TYPE request_duration_seconds histogram\n# UNIT request_duration_seconds seconds\n", text);
        Assert.DoesNotContain("# UNIT build_info_version", text);
        Assert.EndsWith("build_info_version 42\n# EOF\n", text);
        StrictExpositionReader.Read(text, openMetrics: true);
    }

    [Fact]
    public void LabelledFamilyWithoutSeries_IsLeftOut_UnlabelledFamilyShowsZeroAtOnce()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        registry.CreateCounter("jobs_started", "Jobs started.", labelNames: ["queue"]);
        registry.CreateCounter("jobs_failed", "Jobs failed.");
        var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        Assert.Equal("# HELP jobs_failed_total Jobs failed.\n# TYPE jobs_failed_total counter\njobs_failed_total 0\n", text);
    }

    [Fact]
    public void SpecialValues_UsePrometheusSpelling()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var g = registry.CreateGauge("g", "", labelNames: ["k"]);
        g.WithLabels("a").Set(double.PositiveInfinity);
        g.WithLabels("b").Set(double.NegativeInfinity);
        g.WithLabels("c").Set(double.NaN);
        g.WithLabels("d").Set(1e-7);
        g.WithLabels("e").Set(12345678901234567890.0);
        var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        Assert.Contains("g{k=\"a\"} +Inf\n", text);
        Assert.Contains("g{k=\"b\"} -Inf\n", text);
        Assert.Contains("g{k=\"c\"} NaN\n", text);
        Assert.Contains("g{k=\"d\"} 1E-07\n", text);
        Assert.Contains("g{k=\"e\"} 1.2345678901234567E+19\n", text);
        StrictExpositionReader.Read(text, openMetrics: false);
    }

    [Fact]
    public async Task StreamWriter_WritesTheSameBytesAsBufferWriter()
    {
        using var registry = EveryType();
        using var stream = new MemoryStream();
        await registry.WriteExpositionAsync(stream, ExpositionFormat.OpenMetrics);
        Assert.Equal(registry.ToExpositionString(ExpositionFormat.OpenMetrics), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void StrictReader_RejectsInconsistentHistogramAndUndeclaredSamples()
    {
        Assert.Throws<FormatException>(() => StrictExpositionReader.Read("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 3\nh_sum 1\nh_count 2\n", false));
        Assert.Throws<FormatException>(() => StrictExpositionReader.Read("x 1\n", false));
        Assert.Throws<FormatException>(() => StrictExpositionReader.Read("# TYPE x gauge\nx{a=\"b} 1\n", false));
        Assert.Throws<FormatException>(() => StrictExpositionReader.Read("# TYPE x gauge\nx 1\n", true));
    }

    [Theory]
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", "openmetrics-1.0.0")]
    [InlineData("text/plain;version=0.0.4;q=1,*/*;q=0.1", "prometheus-text-0.0.4")]
    [InlineData("*/*", "prometheus-text-0.0.4")]
    [InlineData(null, "prometheus-text-0.0.4")]
    [InlineData("application/openmetrics-text;version=0.0.1", "prometheus-text-0.0.4")]
    [InlineData("application/openmetrics-text; q=0.2, text/plain; q=0.9", "prometheus-text-0.0.4")]
    [InlineData("application/openmetrics-text", "openmetrics-1.0.0")]
    [InlineData("garbage;;;q=x,", "prometheus-text-0.0.4")]
    public void Negotiate_PicksFormatFromAcceptHeader(string? accept, string expected) =>
        Assert.Equal(expected, ExpositionFormat.Negotiate(accept).Name);
}
