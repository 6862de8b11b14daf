using BenchmarkDotNet.Attributes;
using Bench.Telemetry;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Generator.Benchmarks;

/// <summary>Goal: histogram <c>Observe()</c> with 10 buckets at most 10 ns, 0 B.</summary>
public class HistogramBenchmarks
{
    private MetricRegistry registry = null!;
    private BenchTelemetry telemetry = null!;
    private HistogramCell bound = null!;
    private double value;

    [GlobalSetup]
    public void Setup()
    {
        registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        telemetry = new BenchTelemetry(registry);
        bound = telemetry.LatencySeconds.Bind();
    }

    [GlobalCleanup]
    public void Cleanup() => registry.Dispose();

    [Benchmark]
    public void GeneratedObserve()
    {
        // Walk the bucket range so the branch predictor cannot learn one bucket.
        value = value >= 1.2 ? 0.0007 : value * 1.9 + 0.0003;
        telemetry.LatencySeconds.Observe(value);
    }

    [Benchmark]
    public void GeneratedBoundObserve()
    {
        value = value >= 1.2 ? 0.0007 : value * 1.9 + 0.0003;
        bound.Observe(value);
    }
}
