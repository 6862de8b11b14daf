using BenchmarkDotNet.Attributes;
using TelemetryContracts.PromQL.Ast;
using TelemetryContracts.PromQL.Tests.Corpus;

namespace TelemetryContracts.PromQL.Benchmarks;

/// <summary>Parsing and printing the whole corpus (one op = the full corpus) and three typical expressions.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string[] corpus = [];
    private Expr[] parsed = [];

    /// <summary>Unique corpus expressions (the count is printed so per-expression figures can be derived).</summary>
    [GlobalSetup]
    public void Setup()
    {
        corpus = CorpusSet.Expressions();
        parsed = corpus.Select(e => PromQLParser.Parse(e).Expr).OfType<Expr>().ToArray();
        Console.WriteLine($"// corpus expressions: {corpus.Length}, parsed: {parsed.Length}");
    }

    [Benchmark(Description = "parse whole corpus")]
    public int ParseCorpus()
    {
        var ok = 0;
        foreach (var e in corpus)
        {
            if (PromQLParser.Parse(e).Success) { ok++; }
        }

        return ok;
    }

    [Benchmark(Description = "pretty-print whole corpus")]
    public int PrettyCorpus()
    {
        var n = 0;
        foreach (var e in parsed) { n += Printer.Pretty(e).Length; }
        return n;
    }

    [Benchmark(Description = "parse: up")]
    public ParseResult ParseSelector() => PromQLParser.Parse("up");

    [Benchmark(Description = "parse: rate with matchers")]
    public ParseResult ParseRate() => PromQLParser.Parse("sum by (code) (rate(http_requests_total{job=\"api\", code=~\"5..\"}[5m]))");

    [Benchmark(Description = "parse: histogram_quantile ratio")]
    public ParseResult ParseLong() => PromQLParser.Parse(
        "histogram_quantile(0.99, sum by (le, service) (rate(http_server_request_duration_seconds_bucket{service=~\"checkout|cart\"}[5m]))) / on(service) group_left max by (service) (slo_target)");
}
