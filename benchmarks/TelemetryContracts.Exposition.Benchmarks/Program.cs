using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace TelemetryContracts.Exposition.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, so the filter option picks benchmarks.</summary>
public static class Program
{
    /// <summary>
    /// Runs the benchmarks selected on the command line. <c>--cpu-time</c> instead measures MB per second of this
    /// process's CPU time: on a shared, overloaded build machine wall-clock means include time spent waiting for a core.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args.Contains("--cpu-time"))
        {
            CpuTime();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void CpuTime()
    {
        var b = new ExpositionParserBenchmarks();
        b.Setup();
        foreach (var (name, run) in new (string, Func<int>)[]
                 {
                     ("NodeExporterCorpusFile", b.NodeExporterCorpusFile),
                     ("Synthetic100kSeriesText", b.Synthetic100kSeriesText),
                     ("Synthetic100kSeriesOpenMetrics", b.Synthetic100kSeriesOpenMetrics),
                 })
        {
            var size = ExpositionParserBenchmarks.Sizes[name];
            var iterations = (int)Math.Max(5, 200_000_000 / size);
            for (var i = 0; i < 3; i++)
            {
                run();
            }

            var best = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < iterations; i++)
                {
                    run();
                }

                var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / iterations;
                best = Math.Min(best, seconds);
                if (round == 0)
                {
                    Console.WriteLine($"{name}: {(GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations:N0} B/op");
                }
            }

            Console.WriteLine($"{name}: {size / 1e6:F2} MB in {best * 1e3:F2} ms of CPU = {size / 1e6 / best:F0} MB/s (best of 5 rounds)");
        }
    }
}
