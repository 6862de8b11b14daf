namespace TelemetryContracts.LogQL.Tests;

/// <summary>No input makes the parser throw or recurse without bound.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Deep_nesting_is_refused_with_a_located_error_instead_of_a_stack_overflow()
    {
        var query = new string('(', 30_000) + "1" + new string(')', 30_000);

        var result = Parser.Parse(query);

        Assert.Contains(result.Errors, e => e.Kind == ParseErrorKind.Limit && e.Message.Contains("nested too deeply", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "sum(", "rate({app=\"a\"}[1m])", ")", "")]
    [InlineData("", "2^", "2", "", "")]
    [InlineData("{app=\"a\"} | ", "(", "x=1", ")", "")]
    [InlineData("rate(", "(", "{app=\"a\"}", ")", "[1m])")]
    [InlineData("{app=\"a\"} | logfmt | ", "a=1 ", "a=1", "", "")]
    public void Pathological_nesting_ends_in_a_limit_error_not_a_crash(string prefix, string open, string core, string close, string suffix)
    {
        var query = prefix + string.Concat(Enumerable.Repeat(open, 5000)) + core + string.Concat(Enumerable.Repeat(close, 5000)) + suffix;

        var result = Parser.Parse(query);

        Assert.Contains(result.Errors, e => e.Kind == ParseErrorKind.Limit);
        Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith("internal parser error", StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_input_is_refused_like_Loki_does()
    {
        var result = Parser.Parse("{app=\"" + new string('a', 200_000) + "\"}");

        Assert.Equal(ParseErrorKind.Limit, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Every_prefix_and_every_single_character_deletion_of_corpus_queries_parses_without_throwing()
    {
        var samples = LogQLCorpus.All().Where((_, i) => i % 11 == 0).Select(q => q.Query).ToList();
        var checkedInputs = 0;
        foreach (var q in samples)
        {
            for (var i = 0; i <= q.Length; i++)
            {
                foreach (var mutated in new[] { q[..i], q.Remove(Math.Min(i, q.Length - 1), q.Length == 0 ? 0 : 1) })
                {
                    var result = Parser.Parse(mutated);
                    Assert.True(result.Success || result.Errors.Count > 0);
                    Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith("internal parser error", StringComparison.Ordinal));
                    Assert.All(result.Errors, e => Assert.InRange(e.Range.Start, 0, mutated.Length));
                    checkedInputs++;
                }
            }
        }
        Assert.True(checkedInputs > 7_000, $"only {checkedInputs} inputs checked");
    }
}
