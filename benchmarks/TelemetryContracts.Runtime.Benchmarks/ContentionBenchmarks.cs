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

    private readonly long[] privateLines = new long[(Threads + 1) * 16];
    private int nextLine;

    /// <summary>Reference point: each thread an atomic add on its own cache line (perfect striping, no hashing).</summary>
    [Benchmark(OperationsPerInvoke = Threads * PerThread)]
    public void PrivateLines16Threads() => Run(() =>
    {
        var line = (Interlocked.Increment(ref nextLine) % Threads + 1) * 16;
        for (var i = 0; i < PerThread; i++)
        {
            Interlocked.Increment(ref privateLines[line]);
        }
    });

    /// <summary>
    /// Ceiling of this machine: each thread a plain (non-atomic) store to its own cache line, which no exact shared
    /// counter can beat. On 2 cores it bounds the reachable ratio to the shared counter.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Threads * PerThread)]
    public void PrivateLinesPlain16Threads() => Run(() =>
    {
        var line = (Interlocked.Increment(ref nextLine) % Threads + 1) * 16;
        for (var i = 0; i < PerThread; i++)
        {
            ref var c = ref privateLines[line];
            Volatile.Write(ref c, c + 1);
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
