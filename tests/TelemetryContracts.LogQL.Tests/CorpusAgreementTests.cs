using Xunit.Abstractions;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>Our parser against what Loki (and the lezer grammar) decided for every query of the upstream corpus.</summary>
public sealed class CorpusAgreementTests(ITestOutputHelper output)
{
    [Theory]
    // source, total, must parse, must fail: pinned so that a corpus or parser change is noticed.
    [InlineData("logqltest", 1095, 1034, 61)]
    [InlineData("bench", 119, 119, 0)]
    [InlineData("docs", 24, 23, 1)]
    [InlineData("lezer", 80, 66, 14)]
    public void Parser_agrees_with_Loki_on_every_corpus_query(string corpus, int total, int mustParse, int mustFail)
    {
        var queries = corpus switch
        {
            "logqltest" => LogQLCorpus.LogqlTestScripts(),
            "bench" => LogQLCorpus.BenchQueries(),
            "docs" => LogQLCorpus.DocsExamples(),
            _ => LogQLCorpus.LezerExpressions(),
        };
        var list = queries.ToList();
        var results = list.Select(q => (Query: q, Result: Parser.Parse(q.Query))).ToList();
        var accepted = results.Count(r => r.Result.Success || (r.Query.SyntaxOnly && r.Query.Accepted(r.Result)));
        var disagreements = results.Where(r => r.Query.Accepted(r.Result) != r.Query.MustParse).ToList();
        output.WriteLine($"{corpus}: total {list.Count}, expected to parse {list.Count(q => q.MustParse)}, expected to fail {list.Count(q => !q.MustParse)}, accepted {accepted}, rejected {list.Count - accepted}, disagreements {disagreements.Count}");
        foreach (var (q, r) in disagreements)
        {
            output.WriteLine($"  DISAGREE {q.Source} expected {(q.MustParse ? "accept" : "reject")} ({q.Why}): {q.Query.Replace("\n", "\\n")}");
            foreach (var e in r.Errors) output.WriteLine($"     {e}");
        }
        Assert.Equal((total, mustParse, mustFail), (list.Count, list.Count(q => q.MustParse), list.Count(q => !q.MustParse)));
        Assert.Empty(disagreements.Select(d => d.Query.ToString()));
    }

    [Fact]
    public void Every_must_fail_case_of_the_logqltest_scripts_is_rejected_with_a_located_error()
    {
        foreach (var q in LogQLCorpus.LogqlTestScripts().Where(q => !q.MustParse))
        {
            var result = Parser.Parse(q.Query);
            Assert.False(result.Success, q.ToString());
            Assert.All(result.Errors, e => Assert.InRange(e.Range.Start, 0, q.Query.Length));
        }
    }

    [Fact]
    public void Printed_corpus_queries_parse_back_to_the_same_tree_and_print_identically()
    {
        var checkedCount = 0;
        foreach (var q in LogQLCorpus.All())
        {
            var first = Parser.Parse(q.Query);
            if (!first.Success) continue;
            var printed = Printer.Print(first.Root!);
            var second = Parser.Parse(printed);
            Assert.True(second.Success, $"{q.Source}: printed form does not parse: {printed}\n{string.Join("\n", second.Errors)}");
            Assert.Equal(AstDump.Of(first.Root), AstDump.Of(second.Root));
            Assert.Equal(printed, Printer.Print(second.Root!));
            checkedCount++;
        }
        output.WriteLine($"round-tripped {checkedCount} queries");
        Assert.True(checkedCount > 1200, $"only {checkedCount} corpus queries round-tripped");
    }
}
