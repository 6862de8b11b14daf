using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Runtime.Benchmarks;

/// <summary>
/// Counter&lt;long&gt;.Add with 3 tags through our MeterListener bridge, next to the same call through the
/// OpenTelemetry SDK (1.20.1) and with no listener at all.
/// </summary>
public class BridgeBenchmarks
{
    private static readonly KeyValuePair<string, object?> Method = new("http.request.method", "GET");
    private static readonly KeyValuePair<string, object?> Route = new("http.route", "/api/items");
    private static readonly KeyValuePair<string, object?> Status = new("http.response.status_code", 200);

    private Meter bridgedMeter = null!;
    private Meter otelMeter = null!;
    private Meter unlistenedMeter = null!;
    private Counter<long> bridged = null!;
    private Counter<long> otel = null!;
    private Counter<long> unlistened = null!;
    private MetricRegistry registry = null!;
    private MeterProvider provider = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new MetricRegistryOptions { MeterName = null };
        options.BridgedMeters.Add("Bench.Bridged");
        registry = new MetricRegistry(options);
        bridgedMeter = new Meter("Bench.Bridged");
        bridged = bridgedMeter.CreateCounter<long>("http.server.requests");
        otelMeter = new Meter("Bench.Otel");
        otel = otelMeter.CreateCounter<long>("http.server.requests");
        provider = Sdk.CreateMeterProviderBuilder().AddMeter("Bench.Otel").AddReader(new BaseExportingMetricReader(new NullExporter())).Build()!;
        unlistenedMeter = new Meter("Bench.None");
        unlistened = unlistenedMeter.CreateCounter<long>("http.server.requests");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        provider.Dispose();
        registry.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void NoListener3Tags() => unlistened.Add(1, Method, Route, Status);

    [Benchmark]
    public void OurBridge3Tags() => bridged.Add(1, Method, Route, Status);

    [Benchmark]
    public void OpenTelemetrySdk3Tags() => otel.Add(1, Method, Route, Status);

    private sealed class NullExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
