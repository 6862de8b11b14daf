using System.Diagnostics;

namespace TelemetryContracts.PromQL.Benchmarks;

/// <summary>
/// Per-expression latency: each corpus expression is parsed in 5 batches after warm-up and the fastest batch mean is kept
/// (the machine is shared, so the least disturbed batch is the best estimate); the
/// report gives the median, p90 and max over expressions plus overall expressions per second.
/// </summary>
public static class MedianMeasurement
{
    public static void Run()
    {
        var exprs = CorpusSet.Expressions();
        // Warm up so every parser path is tiered up before measuring.
        for (var w = 0; w < 50; w++) { foreach (var e in exprs) { PromQLParser.Parse(e); } }
        const int Repeats = 200;
        const int Batches = 5;
        var perExpr = new double[exprs.Length];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < exprs.Length; i++)
        {
            // The machine is shared: the fastest of several batches is the least disturbed estimate.
            var best = double.MaxValue;
            for (var b = 0; b < Batches; b++)
            {
                var sw = Stopwatch.StartNew();
                for (var r = 0; r < Repeats / Batches; r++) { PromQLParser.Parse(exprs[i]); }
                best = Math.Min(best, sw.Elapsed.TotalMicroseconds / (Repeats / Batches));
            }

            perExpr[i] = best;
        }

        total.Stop();
        var slowest = perExpr.Select((t, i) => (t, i)).OrderByDescending(x => x.t).Take(8).ToList();
        Array.Sort(perExpr);
        var perSecond = exprs.Length * (double)Repeats / total.Elapsed.TotalSeconds;
        Console.WriteLine($"expressions: {exprs.Length}, repeats: {Repeats}");
        Console.WriteLine($"throughput: {perSecond:F0} expressions/s");
        foreach (var (t, i) in slowest) { Console.WriteLine($"  slow: {t:F1} µs  {exprs[i][..Math.Min(90, exprs[i].Length)].ReplaceLineEndings(" ")}"); }
        Console.WriteLine($"median: {perExpr[perExpr.Length / 2]:F2} µs, p90: {perExpr[(int)(perExpr.Length * 0.9)]:F2} µs, max: {perExpr[^1]:F2} µs");
    }
}
