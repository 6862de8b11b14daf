namespace TelemetryContracts.Grafana.Templating.Tests;

/// <summary>Cases from Grafana's documentation ("Variable syntax", "Advanced variable format options", "Global variables")
/// and from the Loki/Prometheus datasources' interpolateQueryExpr.</summary>
public sealed class TemplateExpanderTests
{
    private static readonly TemplateVariable Servers = new("servers", ["test1", "test2"]) { Multi = true, Texts = ["Test 1", "Test 2"] };
    private static readonly TemplateVariable Host = TemplateVariable.Single("host", "web.01");
    private static readonly TemplateVariable Quoted = TemplateVariable.Single("q", "it's");

    private static TemplateContext Context(InterpolationDialect dialect = InterpolationDialect.Plain, params TemplateVariable[] extra) => new()
    {
        Dialect = dialect,
        Variables = new[] { Servers, Host, Quoted }.Concat(extra).ToDictionary(v => v.Name),
        From = DateTimeOffset.FromUnixTimeMilliseconds(1_594_671_549_254),
        To = DateTimeOffset.FromUnixTimeMilliseconds(1_594_671_549_254 + 6 * 3_600_000),
        Interval = TimeSpan.FromSeconds(30),
        DashboardTitle = "API overview",
        DashboardUid = "abc123",
    };

    public static TheoryData<string, string> DocumentedFormats => new()
    {
        // Advanced variable format options, with servers = [test1, test2]
        { "${servers:csv}", "test1,test2" },
        { "${servers:pipe}", "test1|test2" },
        { "${servers:regex}", "(test1|test2)" },
        { "${servers:glob}", "{test1,test2}" },
        { "${servers:json}", "[\"test1\",\"test2\"]" },
        { "${servers:lucene}", "(\"test1\" OR \"test2\")" },
        { "${servers:raw}", "test1,test2" },
        { "${servers:singlequote}", "'test1','test2'" },
        { "${servers:doublequote}", "\"test1\",\"test2\"" },
        { "${servers:sqlstring}", "'test1','test2'" },
        { "${servers:text}", "Test 1 + Test 2" },
        { "${servers:queryparam}", "var-servers=test1&var-servers=test2" },
        { "${servers:percentencode}", "%7Btest1%2Ctest2%7D" },
        { "[[servers:csv]]", "test1,test2" },
        { "[[servers]]", "{test1,test2}" },
        { "$servers", "{test1,test2}" },
        // Single values
        { "${host:regex}", "web\\.01" },
        { "${host:lucene}", "web.01" },
        { "${host:json}", "\"web.01\"" },
        { "${q:sqlstring}", "'it''s'" },
        { "${q:json}", "\"it's\"" },
        { "${q:singlequote}", "'it\\'s'" },
        { "apps.frontend.$host.requests", "apps.frontend.web.01.requests" },
        { "${host}suffix", "web.01suffix" },
        // Global variables
        { "$__interval", "30s" },
        { "${__interval_ms}", "30000" },
        { "[[__interval]]", "30s" },
        { "$__rate_interval", "1m" },
        { "$__range", "21600s" },
        { "$__range_s", "21600" },
        { "$__range_ms", "21600000" },
        { "$__auto", "30s" },
        { "$__from", "1594671549254" },
        { "${__from:date}", "2020-07-13T20:19:09.254Z" },
        { "${__from:date:iso}", "2020-07-13T20:19:09.254Z" },
        { "${__from:date:seconds}", "1594671549" },
        { "${__from:date:YYYY-MM}", "2020-07" },
        { "${__to:date:seconds}", "1594693149" },
        { "$__dashboard", "API overview" },
        { "${__dashboard.uid}", "abc123" },
        { "$__org", "1" },
        { "${__org.name}", "Main Org." },
        { "$__user", "1" },
        { "${__user.login}", "admin" },
        // Unknown variables stay as written; so does $__name outside legends.
        { "$nope and ${nope:csv}", "$nope and ${nope:csv}" },
        { "$__name", "$__name" },
        { "costs $5", "costs $5" },
    };

    [Theory]
    [MemberData(nameof(DocumentedFormats))]
    public void Formats_expand_as_Grafana_documents(string input, string expected)
    {
        Assert.Equal(expected, TemplateExpander.Expand(input, Context()).Text);
    }

    public static TheoryData<string, string, string> DatasourceDefaults => new()
    {
        // dialect, input, expected — what interpolateQueryExpr produces when no :format is given
        { "Loki", "{host=\"$host\"}", "{host=\"web.01\"}" },
        { "Loki", "{server=~\"$servers\"}", "{server=~\"test1|test2\"}" },
        { "Loki", "{server=~\"$one\"}", "{server=~\"a\\\\.b\"}" },
        { "Prometheus", "up{server=~\"$servers\"}", "up{server=~\"(test1|test2)\"}" },
        { "Prometheus", "up{server=~\"$one\"}", "up{server=~\"a\\\\.b\"}" },
        { "Prometheus", "up{q=\"$q\"}", "up{q=\"it\\\\'s\"}" },
        { "Loki", "{app=~\"$all\"}", "{app=~\"x|y\\\\+\"}" },
        { "Prometheus", "up{app=~\"$all\"}", "up{app=~\"(x|y\\\\+)\"}" },
        { "Loki", "{app=~\"$allCustom\"}", "{app=~\".+\"}" },
        { "Loki", "{app=~\"$allUnknown\"}", "{app=~\".+\"}" },
        { "Loki", "{server=~\"${servers:regex}\"}", "{server=~\"(test1|test2)\"}" },
    };

    [Theory]
    [MemberData(nameof(DatasourceDefaults))]
    public void Multi_value_and_All_variables_are_regex_escaped_by_the_datasource(string dialect, string input, string expected)
    {
        var extra = new[]
        {
            new TemplateVariable("one", ["a.b"]) { Multi = true },
            new TemplateVariable("all", []) { IncludeAll = true, AllSelected = true, Options = ["x", "y+"] },
            new TemplateVariable("allCustom", []) { IncludeAll = true, AllSelected = true, AllValue = ".+", Options = ["x"] },
            new TemplateVariable("allUnknown", []) { IncludeAll = true, AllSelected = true },
        };

        var result = TemplateExpander.Expand(input, Context(Enum.Parse<InterpolationDialect>(dialect), extra));

        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public void Auto_is_the_step_of_a_range_query_and_the_whole_range_of_an_instant_query()
    {
        const string query = "count_over_time({app=\"a\"}[$__auto])";

        Assert.Equal("count_over_time({app=\"a\"}[2m])", TemplateExpander.Expand(query, Context() with { Step = TimeSpan.FromSeconds(150) }).Text);
        Assert.Equal("count_over_time({app=\"a\"}[21600s])", TemplateExpander.Expand(query, Context() with { InstantQuery = true }).Text);
    }

    [Fact]
    public void Offsets_after_a_replacement_map_back_to_the_users_text()
    {
        const string original = "sum(rate({app=\"$host\"}[$__interval])) by (x";
        var result = TemplateExpander.Expand(original, Context());
        Assert.Equal("sum(rate({app=\"web.01\"}[30s])) by (x", result.Text);

        // "by" sits 5 characters earlier in the expanded text ("$host" → "web.01" is +1, "$__interval" → "30s" is -8).
        var expandedBy = result.Text.IndexOf(" by", StringComparison.Ordinal) + 1;
        Assert.Equal(original.IndexOf(" by", StringComparison.Ordinal) + 1, result.MapToOriginal(expandedBy));
        // Text before any reference maps one to one.
        Assert.Equal(4, result.MapToOriginal(4));
        // Inside a replacement: the start of the reference.
        Assert.Equal(original.IndexOf("$host", StringComparison.Ordinal), result.MapToOriginal(result.Text.IndexOf("01", StringComparison.Ordinal)));
        // A range inside a replacement covers the whole reference.
        var r = result.MapRangeToOriginal(result.Text.IndexOf("30s", StringComparison.Ordinal), result.Text.IndexOf("30s", StringComparison.Ordinal) + 3);
        Assert.Equal("$__interval", original[r.Start..r.End]);
        // End of text maps to end of text.
        Assert.Equal(original.Length, result.MapToOriginal(result.Text.Length));
    }

    [Fact]
    public void References_record_name_format_syntax_and_both_positions()
    {
        var result = TemplateExpander.Expand("a ${servers:csv} [[host]] $nope", Context());

        Assert.Collection(result.References,
            r => Assert.Equal(("servers", "csv", ReferenceSyntax.Braces, 2, 16, true), (r.Name, r.Format, r.Syntax, r.OriginalStart, r.OriginalEnd, r.Resolved)),
            r => Assert.Equal(("host", (string?)null, ReferenceSyntax.Brackets, 17, 25, true), (r.Name, r.Format, r.Syntax, r.OriginalStart, r.OriginalEnd, r.Resolved)),
            r => Assert.Equal(("nope", (string?)null, ReferenceSyntax.Dollar, 26, 31, false), (r.Name, r.Format, r.Syntax, r.OriginalStart, r.OriginalEnd, r.Resolved)));
        Assert.Equal("a test1,test2 web.01 $nope", result.Text);
        Assert.Equal(("a test1,test2 web.01 $nope".IndexOf("web", StringComparison.Ordinal), "a test1,test2 web.01 $nope".IndexOf(" $nope", StringComparison.Ordinal)), (result.References[1].ExpandedStart, result.References[1].ExpandedEnd));
    }

    [Fact]
    public void Empty_replacements_keep_the_map_consistent()
    {
        var result = TemplateExpander.Expand("x$emptyy", Context(InterpolationDialect.Plain, TemplateVariable.Single("emptyy", "")));

        Assert.Equal("x", result.Text);
        Assert.Equal(8, result.MapToOriginal(1));
    }
}
