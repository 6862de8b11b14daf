using System.Diagnostics.Metrics;

namespace TelemetryContracts.Runtime.Tests;

public sealed class MeterTests
{
    [Fact]
    public void OwnFamilies_AreVisibleToMeterListener_WithSameNamesAndTags()
    {
        var meterName = "TC.Mirror." + Guid.NewGuid().ToString("N");
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = meterName });
        var orders = registry.CreateCounter("orders_created", "Orders.", labelNames: ["region"]);
        orders.WithLabels("eu").Add(5);
        registry.CreateGauge("queue_depth", "Queue.").Set(3.5);
        var duration = registry.CreateHistogram("checkout_duration_seconds", "Checkout.", "seconds", ["region"], [0.1, 1]);
        duration.WithLabels("eu").Observe(0.2); // no listener yet: must not reach the Meter

        var seen = new List<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == meterName)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        void Record(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var t = string.Join(",", tags.ToArray().Select(kv => kv.Key + "=" + kv.Value));
            lock (seen)
            {
                seen.Add((i.Name, v, t));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        duration.WithLabels("eu").Observe(0.7);
        listener.RecordObservableInstruments();

        Assert.Contains(("orders_created", 5.0, "region=eu"), seen);
        Assert.Contains(("queue_depth", 3.5, ""), seen);
        Assert.Single(seen, s => s.Instrument == "checkout_duration_seconds");
        Assert.Contains(("checkout_duration_seconds", 0.7, "region=eu"), seen);
        Assert.Equal(2, duration.WithLabels("eu").Count);
    }

    [Fact]
    public void BridgedMeter_IsExportedWithOpenTelemetryPrometheusNames()
    {
        var meterName = "TC.Bridge." + Guid.NewGuid().ToString("N");
        var options = new MetricRegistryOptions { MeterName = null };
        options.BridgedMeters.Add(meterName);
        using var registry = new MetricRegistry(options);
        using var meter = new Meter(meterName);
        var duration = meter.CreateHistogram<double>("http.server.request.duration", "s", "Duration of HTTP server requests.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.1, 1] });
        var requests = meter.CreateCounter<long>("http.server.requests", "{request}", "Requests.");
        var active = meter.CreateUpDownCounter<long>("http.server.active_requests", "{request}", "Active.");
        var memory = 1234L;
        meter.CreateObservableGauge("process.memory.usage", () => memory, "By", "Memory.");
        meter.CreateObservableCounter("process.cpu.time", () => 2.5, "s", "CPU.");

        duration.Record(0.05, new KeyValuePair<string, object?>("http.request.method", "GET"), new("http.response.status_code", 200), new("http.route", "/api/items"));
        duration.Record(0.5, new KeyValuePair<string, object?>("http.route", "/api/items"), new("http.request.method", "GET"), new("http.response.status_code", 200));
        requests.Add(3, new KeyValuePair<string, object?>("http.route", "/"));
        active.Add(2);
        active.Add(-1);

        var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        var exposition = StrictExpositionReader.Read(text, false);
        Assert.Equal("histogram", exposition.Types["http_server_request_duration_seconds"]);
        var count = exposition.Named("http_server_request_duration_seconds_count").Single();
        Assert.Equal(2, count.Value);
        Assert.Equal(["http_request_method", "http_response_status_code", "http_route"], count.Labels.Select(l => l.Key));
        Assert.Equal("200", count.Label("http_response_status_code"));
        Assert.Equal(3, exposition.Named("http_server_requests_total").Single().Value);
        Assert.Equal(1, exposition.Named("http_server_active_requests").Single().Value);
        Assert.Equal(1234, exposition.Named("process_memory_usage_bytes").Single().Value);
        Assert.Equal(2.5, exposition.Named("process_cpu_time_seconds_total").Single().Value);

        memory = 99;
        exposition = StrictExpositionReader.Read(registry.ToExpositionString(ExpositionFormat.OpenMetrics), true);
        Assert.Equal(99, exposition.Named("process_memory_usage_bytes").Single().Value);
        Assert.Equal(2.5, exposition.Named("process_cpu_time_seconds_total").Single().Value);
        Assert.Contains("# UNIT http_server_request_duration_seconds seconds\n", registry.ToExpositionString(ExpositionFormat.OpenMetrics));
    }

    [Fact]
    public void MeterNotOptedIn_IsNotExported()
    {
        var options = new MetricRegistryOptions { MeterName = null };
        options.BridgedMeters.Add("TC.OptedIn.*");
        using var registry = new MetricRegistry(options);
        using var other = new Meter("TC.Other." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<long>("secret.requests").Add(1);
        using var opted = new Meter("TC.OptedIn." + Guid.NewGuid().ToString("N"));
        opted.CreateCounter<long>("seen.requests").Add(1);
        var text = registry.ToExpositionString(ExpositionFormat.PrometheusText);
        Assert.DoesNotContain("secret", text);
        Assert.Contains("seen_requests_total 1\n", text);
    }

    [Theory]
    [InlineData("http.server.request.duration", "s", false, false, "http_server_request_duration_seconds")]
    [InlineData("http.server.active_requests", "{request}", false, true, "http_server_active_requests")]
    [InlineData("process.memory.usage", "By", false, true, "process_memory_usage_bytes")]
    [InlineData("kestrel.connections.total", "{connection}", true, false, "kestrel_connections")]
    [InlineData("system.cpu.utilization", "1", false, true, "system_cpu_utilization_ratio")]
    [InlineData("network.io", "By/s", false, true, "network_io_bytes_per_second")]
    [InlineData("queue..depth!", "", false, true, "queue_depth_")]
    [InlineData("latency_seconds", "s", false, false, "latency_seconds")]
    public void PrometheusNaming_TranslatesLikeOpenTelemetry(string name, string unit, bool counter, bool gauge, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(name, unit, counter, gauge));
}
