using BenchmarkDotNet.Attributes;

namespace TelemetryContracts.LogQL.Benchmarks;

/// <summary>Parse and print throughput over the whole LogQL corpus (one operation = the whole corpus).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParserBenchmarks
{
    private IReadOnlyList<string> queries = [];
    private List<Ast.Expr> trees = [];

    [GlobalSetup]
    public void Setup()
    {
        queries = CorpusQueries.Load();
        trees = queries.Select(q => Parser.Parse(q).Root).OfType<Ast.Expr>().ToList();
        Console.WriteLine($"// corpus: {queries.Count} expressions, {trees.Count} with a tree");
    }

    [Benchmark]
    public int ParseCorpus()
    {
        var errors = 0;
        foreach (var q in queries) errors += Parser.Parse(q).Errors.Count;
        return errors;
    }

    [Benchmark]
    public int PrintCorpus()
    {
        var length = 0;
        foreach (var t in trees) length += Printer.Print(t).Length;
        return length;
    }

    [Benchmark]
    public int ParseTypicalDashboardQuery() =>
        Parser.Parse("sum by (level) (count_over_time({cluster=\"prod\", namespace=\"loki\", container=~\"querier|ingester\"} |= \"level=error\" | logfmt | duration > 10s and status >= 500 [5m]))").Errors.Count;
}
