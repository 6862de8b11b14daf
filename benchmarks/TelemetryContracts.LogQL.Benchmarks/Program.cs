using System.Diagnostics;
using BenchmarkDotNet.Running;
using TelemetryContracts.LogQL;
using TelemetryContracts.LogQL.Benchmarks;

// `--per-expression`: median parse time of each corpus expression (median of 31 timed runs after warm-up),
// then the median and 95th percentile over the corpus. Anything else goes to BenchmarkDotNet.
if (args.Contains("--per-expression"))
{
    var queries = CorpusQueries.Load();
    foreach (var q in queries) Parser.Parse(q);
    var medians = new List<double>();
    var sw = new Stopwatch();
    foreach (var q in queries)
    {
        var runs = new double[31];
        for (var i = 0; i < runs.Length; i++)
        {
            sw.Restart();
            for (var k = 0; k < 20; k++) Parser.Parse(q);
            sw.Stop();
            runs[i] = sw.Elapsed.TotalMicroseconds / 20;
        }
        Array.Sort(runs);
        medians.Add(runs[runs.Length / 2]);
    }
    medians.Sort();
    Console.WriteLine($"expressions: {queries.Count}");
    Console.WriteLine($"median parse time per expression: {medians[medians.Count / 2]:F2} µs");
    Console.WriteLine($"p95 parse time per expression: {medians[(int)(medians.Count * 0.95)]:F2} µs");
    Console.WriteLine($"max parse time per expression: {medians[^1]:F2} µs");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args);
