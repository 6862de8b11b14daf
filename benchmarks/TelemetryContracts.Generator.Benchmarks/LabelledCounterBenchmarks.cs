using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Bench.Telemetry;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Generator.Benchmarks;

/// <summary>
/// Goal: generated labelled <c>Inc()</c> with three closed labels at least 3× faster than <c>Counter&lt;long&gt;.Add</c>
/// with a <c>TagList</c> under an attached listener, at most 25 ns, 0 B. Both meters have a listener attached.
/// </summary>
public class LabelledCounterBenchmarks
{
    private MetricRegistry registry = null!;
    private BenchTelemetry telemetry = null!;
    private Meter meter = null!;
    private Counter<long> counter = null!;
    private MeterListener listener = null!;
    private long observed;

    [GlobalSetup]
    public void Setup()
    {
        registry = new MetricRegistry(new MetricRegistryOptions { MeterName = "bench.generated" });
        telemetry = new BenchTelemetry(registry);
        meter = new Meter("bench.raw");
        counter = meter.CreateCounter<long>("bench_raw_requests");
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name.StartsWith("bench.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => observed += value);
        listener.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        listener.Dispose();
        meter.Dispose();
        registry.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void CounterAddWithTagList()
    {
        var tags = new TagList { { "region", "eu" }, { "tier", "pro" }, { "outcome", "success" } };
        counter.Add(1, tags);
    }

    [Benchmark]
    public void GeneratedLabelledInc() =>
        telemetry.RequestsTotal.Inc(BenchTelemetry.Region.Eu, BenchTelemetry.Tier.Pro, BenchTelemetry.Outcome.Success);
}
