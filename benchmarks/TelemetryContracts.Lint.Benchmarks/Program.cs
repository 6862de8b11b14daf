using System.Diagnostics;
using BenchmarkDotNet.Running;
using TelemetryContracts.Lint.Benchmarks;

if (args.Length > 0 && args[0] == "profile")
{
    // A quick split of where the time of one whole-corpus run goes (read, then lint with each rule alone).
    var b = new CorpusLintBenchmarks();
    b.Setup();
    var sw = Stopwatch.StartNew();
    b.ReadCorpus();
    Console.WriteLine($"read: {sw.ElapsedMilliseconds} ms");
    foreach (var (name, ms) in b.ProfileRules())
    {
        Console.WriteLine($"{name}: {ms} ms");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CorpusLintBenchmarks).Assembly).Run(args);
