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

    [Fact]
    public void Oversized_input_is_refused_like_Loki_does()
    {
        var result = Parser.Parse("{app=\"" + new string('a', 200_000) + "\"}");

        Assert.Equal(ParseErrorKind.Limit, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Every_prefix_and_every_single_character_deletion_of_corpus_queries_parses_without_throwing()
    {
        var samples = LogQLCorpus.All().Where((_, i) => i % 7 == 0).Select(q => q.Query).ToList();
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
        Assert.True(checkedInputs > 10_000);
    }
}
