using TelemetryContracts.PromQL.Tests.Corpus;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>No input may throw, hang or overflow the stack; deep input is a located error.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Ten_thousand_nested_parentheses_are_an_error_not_a_stack_overflow()
    {
        var input = new string('(', 10_000) + "1" + new string(')', 10_000);
        var result = PromQLParser.Parse(input);
        Assert.False(result.Success);
        Assert.Contains("maximum depth", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_thousand_term_operator_chain_is_an_error_not_a_stack_overflow()
    {
        var input = string.Join(" + ", Enumerable.Repeat("a", 100_000));
        var result = PromQLParser.Parse(input);
        Assert.False(result.Success);
        Assert.Contains("maximum depth", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_of_every_construct_is_bounded()
    {
        foreach (var (open, close) in new[] { ("sum(", ")"), ("rate(", "[5m])"), ("-", ""), ("abs(", ")"), ("(", ")[5m:]") })
        {
            var input = string.Concat(Enumerable.Repeat(open, 5_000)) + "foo" + string.Concat(Enumerable.Repeat(close, 5_000));
            var result = PromQLParser.Parse(input);
            Assert.False(result.Success, open);
        }
    }

    [Fact]
    public void Truncations_and_mutations_of_the_corpus_never_throw()
    {
        var random = new Random(42);
        const string junk = "(){}[]\"'`,:@=!~<>+-*/^%# \n\\0x1e5mby";
        var count = 0;
        foreach (var c in PromQLCorpus.All().Where((_, i) => i % 3 == 0))
        {
            var e = c.Expression;
            for (var k = 0; k < 4 && e.Length > 0; k++)
            {
                var cut = random.Next(e.Length);
                _ = PromQLParser.Parse(e[..cut]);
                var chars = e.ToCharArray();
                chars[cut] = junk[random.Next(junk.Length)];
                var mutated = new string(chars);
                var result = PromQLParser.Parse(mutated);
                if (result.Success) { _ = Printer.Pretty(result.Expr!); }
                else { Assert.All(result.Errors, err => Assert.InRange(err.Position.Start, 0, mutated.Length)); }
                count++;
            }
        }

        Assert.True(count > 1000);
    }
}
