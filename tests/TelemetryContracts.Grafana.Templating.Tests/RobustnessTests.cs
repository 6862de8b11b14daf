namespace TelemetryContracts.Grafana.Templating.Tests;

/// <summary>Any text expands without throwing, and the position map stays inside the original text and monotonic.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Random_text_full_of_variable_syntax_expands_with_a_monotonic_position_map()
    {
        var random = new Random(20261121);
        const string alphabet = "$${}[]:._ab1 \"|";
        var context = new TemplateContext
        {
            Variables = new Dictionary<string, TemplateVariable>
            {
                ["a"] = new("a", ["x", "y.z"]) { Multi = true },
                ["b"] = TemplateVariable.Single("b", ""),
                ["ab"] = new("ab", []) { IncludeAll = true, AllSelected = true },
            },
            Dialect = InterpolationDialect.Loki,
        };
        for (var n = 0; n < 5000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var result = TemplateExpander.Expand(text, context);

            var previous = 0;
            for (var i = 0; i <= result.Text.Length; i++)
            {
                var mapped = result.MapToOriginal(i);
                Assert.InRange(mapped, previous, text.Length);
                previous = mapped;
            }
        }
    }
}
