namespace TelemetryContracts.Grafana.Templating.Tests;

/// <summary>
/// Placeholders for values a saved dashboard does not fix, and the fixed/unfixed mark on substitutions: what a static
/// check (the dashboard lint) needs so that the expanded query still parses and unknown values are never judged.
/// </summary>
public sealed class PlaceholderTests
{
    private static TemplateContext Context(params TemplateVariable[] variables) => new()
    {
        Dialect = InterpolationDialect.Prometheus,
        Variables = variables.ToDictionary(v => v.Name),
        PlaceholdersForUnknown = true,
    };

    public static TheoryData<string, string> Positions => new()
    {
        // Inside quotes: a string value; in a range or after offset: a duration; next to an operator or as the scalar
        // argument of topk: a number; a label name in by(...) or a metric name: a name.
        { "up{job=\"$x\"}", "up{job=\"templated_value\"}" },
        { "up{job=~\"$x|other\"}", "up{job=~\"templated_value|other\"}" },
        { "rate(up[$x])", "rate(up[5m])" },
        { "up offset $x", "up offset 5m" },
        { "up > $x", "up > 1" },
        { "topk($x, up)", "topk(1, up)" },
        { "sum by ($x) (up)", "sum by (templated_name) (up)" },
        { "$x{job=\"a\"}", "templated_name{job=\"a\"}" },
        { "node_${x}_total", "node_templated_name_total" },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public void PlaceholderFitsItsPosition(string query, string expected)
    {
        var result = TemplateExpander.Expand(query, Context(TemplateVariable.Placeholder("x")));

        Assert.Equal(expected, result.Text);
        var reference = Assert.Single(result.References);
        Assert.True(reference.Resolved);
        Assert.True(reference.IsPlaceholder);
        Assert.False(reference.IsFixedValue);
    }

    [Fact]
    public void UnknownVariablesBecomePlaceholdersOnlyWhenAsked()
    {
        const string query = "up{job=\"$missing\"}";

        Assert.Equal(query, TemplateExpander.Expand(query, Context() with { PlaceholdersForUnknown = false }).Text);
        var result = TemplateExpander.Expand(query, Context());
        Assert.Equal("up{job=\"templated_value\"}", result.Text);
        Assert.True(result.References[0].IsPlaceholder);
    }

    [Fact]
    public void RegexBackReferencesStayAsWritten()
    {
        // label_replace's "$1" is not a variable; replacing it would change the query's meaning.
        const string query = "label_replace(up, \"a\", \"$1\", \"b\", \"(.*)\")";

        var result = TemplateExpander.Expand(query, Context());

        Assert.Equal(query, result.Text);
        Assert.False(result.References[0].Resolved);
        Assert.Null(result.ReferenceIn(query.IndexOf('$', StringComparison.Ordinal), query.IndexOf('$', StringComparison.Ordinal) + 2));
    }

    [Fact]
    public void OnlyVariablesMarkedFixedGiveFixedValues()
    {
        var env = TemplateVariable.Single("env", "prod") with { IsFixed = true };
        var job = TemplateVariable.Single("job", "api");
        var all = new TemplateVariable("region", ["eu"]) { IsFixed = true, IncludeAll = true, AllSelected = true, Options = ["eu", "us"] };
        const string query = "rate(up{env=\"$env\", job=\"$job\", region=~\"$region\"}[$__rate_interval])";

        var result = TemplateExpander.Expand(query, Context(env, job, all));

        Assert.Equal("rate(up{env=\"prod\", job=\"api\", region=~\"(eu|us)\"}[1m])", result.Text);
        Assert.Equal([true, false, false, false], result.References.Select(r => r.IsFixedValue));
        Assert.All(result.References, r => Assert.False(r.IsPlaceholder));
    }

    [Fact]
    public void UnfixedRangesAreFoundInTheExpandedText()
    {
        var env = TemplateVariable.Single("env", "prod") with { IsFixed = true };
        const string query = "up{env=\"$env\", job=\"$job\"}";

        var result = TemplateExpander.Expand(query, Context(env, TemplateVariable.Placeholder("job")));
        var text = result.Text;
        var envAt = text.IndexOf("prod", StringComparison.Ordinal);
        var jobAt = text.IndexOf(Placeholders.Value, StringComparison.Ordinal);

        Assert.Equal("env", result.ReferenceIn(envAt, envAt + 4)?.Name);
        Assert.False(result.IsUnfixed(envAt, envAt + 4));
        Assert.Equal("job", result.ReferenceIn(jobAt, jobAt + 1)?.Name);
        Assert.True(result.IsUnfixed(jobAt - 2, jobAt + 1));
        Assert.Null(result.ReferenceIn(0, 2));
        Assert.False(result.IsUnfixed(0, 2));
        Assert.Equal(query.IndexOf("$job", StringComparison.Ordinal), result.MapToOriginal(jobAt + 3));
    }

    [Fact]
    public void LegacyAutoIntervalIsTheInterval()
    {
        var result = TemplateExpander.Expand("rate(up[$__auto_interval_step])", Context() with { Interval = TimeSpan.FromMinutes(2) });

        Assert.Equal("rate(up[2m])", result.Text);
        Assert.False(result.References[0].IsFixedValue);
    }
}
