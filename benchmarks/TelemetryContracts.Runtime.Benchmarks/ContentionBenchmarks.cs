using BenchmarkDotNet.Attributes;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Runtime.Benchmarks;

/// <summary>
/// 16 threads hammering one series; the reported time is per increment over all threads, so aggregate ops/s is
/// its inverse. Baseline: one Interlocked counter shared by all threads (one cache line bouncing between cores).
/// </summary>
public class ContentionBenchmarks
{
    private const int Threads = 16;
    private const int PerThread = 1_000_000;
    private long shared;
    private CounterCell cell = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        cell = registry.CreateCounter("hot", "h").Unlabelled;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Threads * PerThread)]
    public void SharedInterlocked16Threads() => Run(() =>
    {
        for (var i = 0; i < PerThread; i++)
        {
            Interlocked.Increment(ref shared);
        }
    });

    [Benchmark(OperationsPerInvoke = Threads * PerThread)]
    public void StripedCell16Threads() => Run(() =>
    {
        var c = cell;
        for (var i = 0; i < PerThread; i++)
        {
            c.Inc();
        }
    });

    private static void Run(ThreadStart work)
    {
        var threads = new Thread[Threads];
        for (var t = 0; t < Threads; t++)
        {
            threads[t] = new Thread(work);
            threads[t].Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }
    }
}
