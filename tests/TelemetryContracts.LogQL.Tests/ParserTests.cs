using TelemetryContracts.LogQL.Ast;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>Table-driven parser cases: accepted queries with node positions, rejected ones with the error and its offset.</summary>
public sealed class ParserTests
{
    public static TheoryData<string, string> Accepted => new()
    {
        // input, canonical form (Loki's String())
        { "{app=\"a\"}", "{app=\"a\"}" },
        { "{app=\"a\",env=~\"p.*\" , x!=\"y\", z!~\"w\"}", "{app=\"a\", env=~\"p.*\", x!=\"y\", z!~\"w\"}" },
        { "{app=`a\\b`}", "{app=\"a\\\\b\"}" },
        { "{app=\"a\"} |= \"x\" != \"y\" |~ \"z.*\" !~ \"w\" |> \"<_> GET\" !> \"<_> 500\"", "{app=\"a\"} |= \"x\" != \"y\" |~ \"z.*\" !~ \"w\" |> \"<_> GET\" !> \"<_> 500\"" },
        { "{app=\"a\"} |= \"x\" or \"y\" or ip(\"10.0.0.1\")", "{app=\"a\"} |= \"x\" or \"y\" or ip(\"10.0.0.1\")" },
        { "{app=\"a\"} != \"x\" or \"y\"", "{app=\"a\"} != \"x\" != \"y\"" },
        { "{app=\"a\"} | json", "{app=\"a\"} | json" },
        { "{app=\"a\"} | json a=\"b.c\", d, e=\"f[0]\"", "{app=\"a\"} | json a=\"b.c\",d=\"d\",e=\"f[0]\"" },
        { "{app=\"a\"} | logfmt --strict --keep-empty", "{app=\"a\"} | logfmt --strict --keep-empty" },
        { "{app=\"a\"} | logfmt --keep-empty a, b=\"c\"", "{app=\"a\"} | logfmt --keep-empty a=\"a\",b=\"c\"" },
        { "{app=\"a\"} | regexp \"(?P<m>\\\\w+)\" | pattern `<ip> - <_>` | unpack | decolorize", "{app=\"a\"} | regexp \"(?P<m>\\\\w+)\" | pattern \"<ip> - <_>\" | unpack | decolorize" },
        { "{app=\"a\"} | logfmt | status >= 500 and level=\"error\" or took > 1s", "{app=\"a\"} | logfmt | ( ( status>=500 , level=\"error\" ) or took>1s )" },
        { "{app=\"a\"} | logfmt | a=1 or b=2 and c=3", "{app=\"a\"} | logfmt | ( a==1 or ( b==2 , c==3 ) )" },
        { "{app=\"a\"} | logfmt | (a=1 or b=2), c=\"x\" d=~\"y.*\"", "{app=\"a\"} | logfmt | ( ( a==1 or b==2 ) , ( c=\"x\" , d=~\"y.*\" ) )" },
        { "{app=\"a\"} | logfmt | path=~\"/api/v[0-9]+/.*\" | level=~\"error|warn\"", "{app=\"a\"} | logfmt | path=~`/api/v[0-9]+/.*` | level=~\"error|warn\"" },
        { "{app=\"a\"} | logfmt | size > 20KB | addr = ip(\"10.0.0.0/8\") | x != ip(\"1.2.3.4-1.2.3.9\")", "{app=\"a\"} | logfmt | size>20kB | addr=ip(\"10.0.0.0/8\") | x!=ip(\"1.2.3.4-1.2.3.9\")" },
        { "{app=\"a\"} | line_format \"{{.msg | ToUpper}}\" | label_format a=b, c=\"{{.d}}\"", "{app=\"a\"} | line_format \"{{.msg | ToUpper}}\" | label_format a=b,c=\"{{.d}}\"" },
        { "{app=\"a\"} | drop a, b=\"c\" | keep d", "{app=\"a\"} | drop a,b=\"c\" | keep d" },
        { "rate({app=\"a\"}[5m])", "rate({app=\"a\"}[5m])" },
        { "count_over_time({app=\"a\"} |= \"x\" [1h30m] offset 5m)", "count_over_time({app=\"a\"} |= \"x\"[1h30m] offset 5m0s)" },
        { "count_over_time({app=\"a\"}[5m] | json)", "count_over_time({app=\"a\"} | json[5m])" },
        { "quantile_over_time(0.99, {app=\"a\"} | json | unwrap duration(latency) | __error__=\"\" [1m]) by (path)", "quantile_over_time(0.99,{app=\"a\"} | json | unwrap duration(latency) | __error__=\"\"[1m]) by (path)" },
        { "sum_over_time({app=\"a\"} | logfmt | unwrap bytes(size) [5m])", "sum_over_time({app=\"a\"} | logfmt | unwrap bytes(size)[5m])" },
        { "avg(rate(({job=\"nginx\"} |= \"GET\")[10s])) by (region)", "avg by (region)(rate({job=\"nginx\"} |= \"GET\"[10s]))" },
        { "topk(5, sum by (a) (rate({app=\"a\"}[1m])))", "topk(5,sum by (a)(rate({app=\"a\"}[1m])))" },
        { "sum without (a) (rate({app=\"a\"}[1m]))", "sum without (a)(rate({app=\"a\"}[1m]))" },
        { "sum(rate({app=\"a\"}[1m])) / on (x) group_left (y) sum(rate({app=\"b\"}[1m]))", "(sum(rate({app=\"a\"}[1m])) / on (x) group_left (y) sum(rate({app=\"b\"}[1m])))" },
        { "sum(rate({app=\"a\"}[1m])) > bool 1", "(sum(rate({app=\"a\"}[1m])) > bool 1)" },
        { "sum(rate({app=\"a\"}[1m])) * on (x) sum(rate({app=\"b\"}[1m]))", "(sum(rate({app=\"a\"}[1m])) * on (x)  sum(rate({app=\"b\"}[1m])))" },
        { "1 + 2 * 3", "7" },
        { "2 ^ 3 ^ 2", "512" },
        { "sum(rate({app=\"a\"}[1m])) or vector(0)", "(sum(rate({app=\"a\"}[1m])) or vector(0.000000))" },
        { "label_replace(rate({app=\"a\"}[1m]), \"dst\", \"$1\", \"src\", \"(.*)\")", "label_replace(rate({app=\"a\"}[1m]),\"dst\",\"$1\",\"src\",\"(.*)\")" },
        { "SUM(RATE({app=\"a\"}[1m]))", "sum(rate({app=\"a\"}[1m]))" },
        { "{app=\"a\"} # a comment\n |= \"x\"", "{app=\"a\"} |= \"x\"" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_queries_print_in_Lokis_canonical_form(string input, string canonical)
    {
        var result = Parser.Parse(input);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(canonical, Printer.Print(result.Root!));
        Assert.Equal(canonical, Printer.Print(Parser.Parse(canonical).Root!));
    }

    public static TheoryData<string, int, int, string> Rejected => new()
    {
        // input, error start, error end, message fragment
        { "{app=\"shop\"", 11, 11, "syntax error: unexpected $end, expecting } or ," },
        { "{app=\"a\" env=\"b\"}", 9, 12, "unexpected IDENTIFIER, expecting } or ," },
        { "{}", 0, 2, "queries require at least one regexp or equality matcher" },
        { "{app=~\".*\"}", 0, 11, "empty-compatible value" },
        { "{app=\"a\"} |= \"x", 13, 15, "literal not terminated" },
        { "{app=\"a\"} |= \"\\q\"", 13, 17, "invalid char escape" },
        { "{app='a'}", 5, 8, "single-quoted strings" },
        { "{app=~\"(\"}", 6, 9, "error parsing regexp" },
        { "rate({app=\"a\"}[5x])", 14, 18, "not a valid duration string" },
        { "rate({app=\"a\"}[5m)", 14, 18, "missing closing ']'" },
        { "count_over_time({app=\"a\"})", 25, 26, "syntax error: unexpected )" },
        { "avg_over_time({app=\"a\"}[1m])", 0, 13, "invalid aggregation avg_over_time without unwrap" },
        { "count_over_time({app=\"a\"} | logfmt | unwrap v [1m])", 35, 45, "invalid aggregation count_over_time with unwrap" },
        { "rate({app=\"a\"}[1m]) by (x)", 20, 26, "grouping not allowed for rate aggregation" },
        { "quantile_over_time({app=\"a\"} | unwrap v [1m])", 0, 18, "parameter required for operation quantile_over_time" },
        { "topk(sum(rate({app=\"a\"}[1m])))", 0, 4, "parameter required for operation topk" },
        { "topk(1.5, sum(rate({app=\"a\"}[1m])))", 5, 8, "invalid parameter topk(1.5," },
        { "sum(5, rate({app=\"a\"}[1m]))", 4, 5, "unsupported parameter for operation sum(5," },
        { "1 and 2", 0, 1, "unexpected literal for left leg of logical/set binary operation (and): 1.000000" },
        { "-count_over_time({app=\"a\"}[1m])", 1, 16, "unexpected count_over_time, expecting NUMBER" },
        { "{app=\"a\"} | logfmt | x == \"y\"", 26, 29, "syntax error: unexpected STRING" },
        { "{app=\"a\"} | logfmt | x > 0x10", 25, 29, "unable to parse literal as a float" },
        { "{app=\"a\"} |= ip(\"nope\")", 16, 22, "ip: invalid pattern" },
        { "{app=\"a\"} |~ ip(\"1.2.3.4\")", 10, 26, "ip: invalid operation" },
        { "{app=\"a\"} |> \"<verb> /\"", 13, 23, "named captures are not allowed" },
        { "{app=\"a\"} | regexp \"x\"", 19, 22, "at least one named capture must be supplied" },
        { "{app=\"a\"} | pattern \"x\"", 20, 23, "at least one capture is required" },
        { "{app=\"a\"} | json a=\"b[\"", 17, 23, "cannot parse expression" },
        { "{app=\"a\"} | line_format \"{{ nosuch }}\"", 24, 38, "function \"nosuch\" not defined" },
        { "{app=\"a\"} | label_format x=\"{{\"", 27, 31, "unclosed action" },
        { "{app=\"a\"} | drop", 16, 16, "unexpected $end, expecting IDENTIFIER" },
        { "sum by (a) (rate({app=\"a\"}[1m])) by (b)", 33, 35, "unexpected by" },
        { "{app=\"a\"} + 1", 0, 9, "unexpected type for left leg of binary operation (+)" },
        { "sum(rate({app=\"a\"}[1m])) bool > 1", 25, 29, "syntax error: unexpected bool" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_queries_report_the_error_where_it_is(string input, int start, int end, string message)
    {
        var result = Parser.Parse(input);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(new PositionRange(start, end), error.Range);
    }

    [Fact]
    public void Every_node_carries_the_range_of_its_own_text()
    {
        const string query = "sum by (level) (count_over_time({app=\"a\", env=~\"p.*\"} |= \"GET\" | logfmt | status >= 500 [5m]))";
        var root = Parser.Parse(query).Root!;

        var texts = root.DescendantsAndSelf().Select(n => (n.GetType().Name, n.Range.Slice(query))).ToList();

        Assert.Contains(("VectorAggregationExpr", query), texts);
        Assert.Contains(("Grouping", "by (level)"), texts);
        Assert.Contains(("RangeAggregationExpr", "count_over_time({app=\"a\", env=~\"p.*\"} |= \"GET\" | logfmt | status >= 500 [5m])"), texts);
        Assert.Contains(("LogRangeExpr", "{app=\"a\", env=~\"p.*\"} |= \"GET\" | logfmt | status >= 500 [5m]"), texts);
        Assert.Contains(("StreamSelector", "{app=\"a\", env=~\"p.*\"}"), texts);
        Assert.Contains(("LabelMatcher", "env=~\"p.*\""), texts);
        Assert.Contains(("LineFilterStage", "|= \"GET\""), texts);
        Assert.Contains(("LogfmtParserStage", "| logfmt"), texts);
        Assert.Contains(("LabelFilterStage", "| status >= 500"), texts);
        Assert.Contains(("NumericLabelFilter", "status >= 500"), texts);
        var matcher = root.DescendantsAndSelf().OfType<LabelMatcher>().Single(m => m.Name == "env");
        Assert.Equal("env", matcher.NameRange.Slice(query));
        Assert.Equal("\"p.*\"", matcher.ValueRange.Slice(query));
    }

    [Fact]
    public void Several_broken_stages_are_all_reported()
    {
        var result = Parser.Parse("{app=\"a\", env=} | json a=\"b[\" | line_format \"{{\" | regexp \"(\"");

        Assert.Equal(4, result.Errors.Count);
        Assert.Equal([14, 23, 44, 58], result.Errors.Select(e => e.Range.Start));
    }

    [Fact]
    public void Lines_and_columns_count_from_one_on_the_line_of_the_error()
    {
        var error = Assert.Single(Parser.Parse("sum(\n  rate({app=\"a\"}[1m])\n  ) by (1)").Errors);

        Assert.Equal((3, 9), (error.Line, error.Column));
    }

    [Fact]
    public void Lint_helpers_report_selectors_parsers_filters_and_referenced_labels()
    {
        var root = Parser.Parse("sum by (route) (quantile_over_time(0.9, {app=\"api\"} | json latency=\"timing.total\", route | status >= 500 | unwrap duration(latency) | __error__=\"\" [5m]) by (route))").Root!;

        Assert.Equal("app", Assert.Single(Assert.Single(LogQuery.StreamSelectors(root)).Matchers).Name);
        Assert.Equal(["json"], LogQuery.ParserStages(root).Select(p => p.ParserName));
        Assert.Equal(["latency", "route"], LogQuery.ExplicitlyExtractedLabels(root));
        Assert.Equal(["status", "__error__"], LogQuery.LabelFilters(root).SelectMany(f => f.ReferencedLabels()));
        Assert.Equal(["status", "latency", "__error__", "route"], LogQuery.LabelsReferencedAfterParsing(root));
        Assert.Equal("quantile_over_time", Assert.Single(LogQuery.RangeAggregations(root)).Operation);
        Assert.Equal(UnwrapConversion.Duration, Assert.Single(LogQuery.Unwraps(root)).Conversion);
    }
}
