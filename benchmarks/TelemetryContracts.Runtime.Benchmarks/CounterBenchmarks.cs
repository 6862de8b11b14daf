using BenchmarkDotNet.Attributes;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Runtime.Benchmarks;

/// <summary>Bound (cached cell) increment against the floor: one Interlocked.Increment on a field.</summary>
public class CounterBenchmarks
{
    private long plain;
    private CounterCell cell = null!;
    private HistogramCell histogram = null!;
    private MetricRegistry registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        cell = registry.CreateCounter("requests", "r", labelNames: ["route"]).WithLabels("/api/items");
        histogram = registry.CreateHistogram("latency_seconds", "l", "seconds", ["route"], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]).WithLabels("/api/items");
    }

    [Benchmark(Baseline = true)]
    public long InterlockedIncrement() => Interlocked.Increment(ref plain);

    [Benchmark]
    public void BoundInc() => cell.Inc();

    [Benchmark]
    public void HistogramObserve10Buckets() => histogram.Observe(0.3);
}
