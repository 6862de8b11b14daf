using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>Table-driven parser tests in the style of Prometheus's <c>parse_test.go</c>: input, expected tree with positions.</summary>
public sealed class ParserTests
{
    public static TheoryData<string, string> ValidCases => new()
    {
        // literals, sign folding
        { "1", "Num(1)@0:1" },
        { "-1", "Num(-1)@0:2" },
        { "+1", "Num(1)@0:2" },
        { "- -1", "Num(1)@0:4" },
        { "-(1)", "Unary(- Paren(Num(1)@2:3)@1:4)@0:4" },
        { "0x1F", "Num(31)@0:4" },
        { "1e6", "Num(1e+06)@0:3" },
        { ".5", "Num(0.5)@0:2" },
        { "Inf", "Num(+Inf)@0:3" },
        { "nan", "Num(NaN)@0:3" },
        { "\"a\\tb\"", "Str(\"a\\tb\")@0:6" },
        { "'it\\'s'", "Str(\"it's\")@0:7" },
        { "`raw\\n`", "Str(\"raw\\\\n\")@0:7" },

        // selectors with positions covering modifiers
        { "foo", "VS(foo)@0:3" },
        { "foo{b=\"2\", a=~\"1\"}", "VS(foo{a=~\"1\",b=\"2\"})@0:18" },
        { "{__name__=\"foo\"}", "VS({__name__=\"foo\"})@0:16" },
        { "foo offset 5m", "VS(foo offset 5m)@0:13" },
        { "foo offset -1h30m", "VS(foo offset -1h30m)@0:17" },
        { "foo @ 10 offset 90m", "VS(foo @ 10.000 offset 1h30m)@0:19" },
        { "foo @ start()", "VS(foo @ start())@0:13" },
        { "foo[5m]", "MS(foo[5m])@0:7" },
        { "foo[5m] offset 1w @ end()", "MS(foo[5m] @ end() offset 1w)@0:25" },
        { "foo:bar{job=\"x\"}[1h30m]", "MS(foo:bar{job=\"x\"}[1h30m])@0:23" },
        { "sum{a=\"b\"}", "VS(sum{a=\"b\"})@0:10" },
        { "foo{by=\"1\"}", "VS(foo{by=\"1\"})@0:11" },

        // subqueries
        { "foo[5m:]", "Sub(VS(foo)@0:3 [5m:])@0:8" },
        { "rate(foo[5m])[30m:1m] offset 5m", "Sub(Call(rate MS(foo[5m])@5:12)@0:13 [30m:1m] offset 5m)@0:31" },

        // precedence and associativity
        { "a + b * c", "Bin(+ VS(a)@0:1 Bin(* VS(b)@4:5 VS(c)@8:9)@4:9)@0:9" },
        { "a - b - c", "Bin(- Bin(- VS(a)@0:1 VS(b)@4:5)@0:5 VS(c)@8:9)@0:9" },
        { "2 ^ 3 ^ 2", "Bin(^ Num(2)@0:1 Bin(^ Num(3)@4:5 Num(2)@8:9)@4:9)@0:9" },
        { "-a ^ b", "Unary(- Bin(^ VS(a)@1:2 VS(b)@5:6)@1:6)@0:6" },
        { "-a * b", "Bin(* Unary(- VS(a)@1:2)@0:2 VS(b)@5:6)@0:6" },
        { "a or b and c", "Bin(or VS(a)@0:1 Bin(and VS(b)@5:6 VS(c)@11:12)@5:12)@0:12" },
        { "a > b + 1", "Bin(> VS(a)@0:1 Bin(+ VS(b)@4:5 Num(1)@8:9)@4:9)@0:9" },
        { "a atan2 b", "Bin(atan2 VS(a)@0:1 VS(b)@8:9)@0:9" },
        { "1 == bool 2", "Bin(== bool Num(1)@0:1 Num(2)@10:11)@0:11" },

        // vector matching
        { "a * on(x) group_left(y) b", "Bin(* on(x) group_left(y) VS(a)@0:1 VS(b)@24:25)@0:25" },
        { "a / ignoring(x, z) group_right b", "Bin(/ ignoring(x,z) group_right() VS(a)@0:1 VS(b)@31:32)@0:32" },
        { "a and on() b", "Bin(and on() VS(a)@0:1 VS(b)@11:12)@0:12" },

        // aggregations: grouping before or after, parameters
        { "sum by (job) (foo)", "Agg(sum by(job) VS(foo)@14:17)@0:18" },
        { "sum(foo) by (job)", "Agg(sum by(job) VS(foo)@4:7)@0:17" },
        { "avg without (a, b,) (foo)", "Agg(avg without(a,b) VS(foo)@21:24)@0:25" },
        { "topk(5, foo)", "Agg(topk Num(5)@5:6 VS(foo)@8:11)@0:12" },
        { "count_values(\"v\", foo)", "Agg(count_values Str(\"v\")@13:16 VS(foo)@18:21)@0:22" },
        { "SUM BY (a) (foo)", "Agg(sum by(a) VS(foo)@12:15)@0:16" },

        // functions
        { "rate(foo[5m])", "Call(rate MS(foo[5m])@5:12)@0:13" },
        { "time()", "Call(time)@0:6" },
        { "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))", "Call(histogram_quantile Num(0.9)@19:22 Agg(sum by(le) Call(rate MS(x_bucket[5m])@42:54)@37:55)@24:56)@0:57" },
        { "label_join(foo, \"a\", \",\", \"b\", \"c\")", "Call(label_join VS(foo)@11:14 Str(\"a\")@16:19 Str(\",\")@21:24 Str(\"b\")@26:29 Str(\"c\")@31:34)@0:35" },

        // comments and whitespace
        { "foo # the metric\n+ bar", "Bin(+ VS(foo)@0:3 VS(bar)@19:22)@0:22" },
        { "(\n  foo\n)", "Paren(VS(foo)@4:7)@0:9" },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Parses_into_the_expected_tree_with_positions(string input, string expected)
    {
        var result = PromQLParser.Parse(input);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal(expected, TreeDump.Dump(result.Expr!));
        Assert.Equal(PromQLFeature.None, result.Features);
    }

    public static TheoryData<string, string, int> ErrorCases => new()
    {
        // syntax
        { "", "no expression found in input", 0 },
        { "foo{", "unexpected end of input inside braces", 4 },
        { "rate(foo[5m]", "unclosed left parenthesis", 12 },
        { "foo)", "unexpected right parenthesis ')'", 4 },
        { "foo[5m", "unclosed left bracket", 6 },
        { "foo[5m:1m:]", "unexpected colon ':'", 9 },
        { "1e", "error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax", 0 },
        { "sum(rate(x[5m]) foo", "unexpected identifier \"foo\" in aggregation, expected \",\" or \")\"", 16 },
        { "a + ", "unexpected end of input", 4 },
        { "a b", "unexpected identifier \"b\"", 2 },
        { "1_", "bad number or duration syntax: \"1\"", 0 },
        { "\"unterminated", "unterminated quoted string", 0 },
        { "\"\\q\"", "unknown escape sequence U+0071 'q'", 1 },
        { "foo{a!b=\"c\"}", "unexpected character after '!' inside braces: 'b'", 5 },
        { "foo{\"a.b\"}", "metric name must not be set twice: \"foo\" or \"a.b\"", 4 },
        { "sum()", "no arguments for aggregate expression provided", 0 },
        { "topk(foo)", "wrong number of arguments for aggregate expression provided, expected 2, got 1", 0 },
        { "rate(foo[5m],)", "trailing commas not allowed in function call args", 12 },
        { "RATE(foo[5m])", "unknown function with name \"RATE\"", 0 },

        // semantic checks (Prometheus's checkAST)
        { "rate(foo)", "expected type range vector in call to function \"rate\", got instant vector", 5 },
        { "sum(foo[5m])", "expected type instant vector in aggregation expression, got range vector", 4 },
        { "topk(\"5\", foo)", "expected type scalar in aggregation parameter, got string", 5 },
        { "1 == 1", "comparisons between scalars must use BOOL modifier", 2 },
        { "a + bool b", "bool modifier can only be used on comparison operators", 2 },
        { "a and 1", "set operator \"and\" not allowed in binary scalar expression", 0 },
        { "a and on(x) group_left b", "no grouping allowed for \"and\" operation", 0 },
        { "a + on(x) group_left(x) b", "label \"x\" must not occur in ON and GROUP clause at once", 2 },
        { "1 + on(x) b", "vector matching only allowed between instant vectors", 0 },
        { "foo[5m] + 1", "binary expression must contain only scalar and instant vector types", 0 },
        { "-foo[5m]", "unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"", 0 },
        { "foo[5m][1m:]", "subquery is only allowed on instant vector, got matrix instead", 0 },
        { "rate(foo[5m])[5m]", "ranges only allowed for vector selectors", 13 },
        { "foo offset 5m[5m]", "no offset modifiers allowed before range", 13 },
        { "sum(foo) offset 5m", "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", 0 },
        { "foo offset 1m offset 2m", "offset may not be set multiple times", 14 },
        { "foo @ 1 @ 2", "@ <timestamp> may not be set multiple times", 8 },
        { "foo[0s]", "duration must be greater than 0", 4 },
        { "foo[1.5h]", "not a valid duration string: \"1.5h\"", 4 },
        { "{}", "vector selector must contain at least one non-empty matcher", 0 },
        { "{a=~\".*\"}", "vector selector must contain at least one non-empty matcher", 0 },
        { "foo{__name__=\"bar\"}", "metric name must not be set twice: \"foo\" or \"bar\"", 0 },
        { "round(foo, 1, 2)", "expected at most 2 argument(s) in call to \"round\", got 3", 0 },
        { "label_join(foo, \"a\")", "expected at least 3 argument(s) in call to \"label_join\", got 2", 0 },
        { "time(1)", "expected 0 argument(s) in call to \"time\", got 1", 0 },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Reports_the_error_with_its_position(string input, string message, int offset)
    {
        var result = PromQLParser.Parse(input);
        Assert.False(result.Success);
        Assert.Null(result.Expr);
        var first = result.Errors[0];
        Assert.Equal(message, first.Message);
        Assert.Equal(offset, first.Position.Start);
    }

    [Fact]
    public void Collects_every_type_error_not_just_the_first()
    {
        var result = PromQLParser.Parse("rate(foo) + sum(bar[5m]) + (1 == 1)");
        Assert.Equal(
            ["expected type range vector in call to function \"rate\", got instant vector", "expected type instant vector in aggregation expression, got range vector", "comparisons between scalars must use BOOL modifier"],
            result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Syntax_errors_in_separate_arguments_are_all_reported()
    {
        var result = PromQLParser.Parse("label_replace(foo{a=}, \"dst\", \"$1\", \"src\" \"x\", rate(bar[5m]])");
        Assert.Equal(
            [
                (20, "unexpected \"}\" in label matching, expected string"),
                (42, "unexpected string \"\\\"x\\\"\" in function call, expected \",\" or \")\""),
                (59, "unexpected \"]\" in function call, expected \",\" or \")\""),
            ],
            result.Errors.Select(e => (e.Position.Start, e.Message)));
    }

    [Fact]
    public void Error_text_reads_like_prometheus()
    {
        var result = PromQLParser.Parse("sum(rate(x[5m]) foo");
        Assert.Equal("parse error at char 17: unexpected identifier \"foo\" in aggregation, expected \",\" or \")\"", result.Errors[0].ToString());
        Assert.Equal("1:17: parse error: unexpected identifier \"foo\" in aggregation, expected \",\" or \")\"", result.Errors[0].ToPrometheusString(result.Input));
    }

    [Fact]
    public void Matchers_carry_their_own_positions_and_the_name_matcher_comes_last()
    {
        var vs = (VectorSelector)PromQLParser.Parse("http_requests_total{job=\"api\", code=~\"5..\"}").Expr!;
        Assert.Equal(["job", "code", "__name__"], vs.Matchers.Select(m => m.Name));
        Assert.Equal(new PositionRange(20, 29), vs.Matchers[0].Position);
        Assert.Equal(new PositionRange(31, 42), vs.Matchers[1].Position);
        Assert.Equal(new PositionRange(0, 19), vs.Matchers[2].Position);
        Assert.Equal("http_requests_total", vs.MetricName);
        Assert.True(vs.Matchers[1].Matches("503"));
        Assert.False(vs.Matchers[1].Matches("404"));
    }

    [Fact]
    public void Byte_offsets_are_available_for_non_ascii_input()
    {
        var result = PromQLParser.Parse("foo{a=\"é\"} + bar");
        var bin = (BinaryExpr)result.Expr!;
        Assert.Equal(new PositionRange(13, 16), bin.Rhs.Position);
        Assert.Equal(new PositionRange(14, 17), bin.Rhs.Position.ToByteRange(result.Input));
        Assert.Equal(new PositionRange(14, 17), result.ToBytes(bin.Rhs.Position));
        Assert.Equal(new PositionRange(0, 11), result.ToBytes(bin.Lhs.Position));
    }

    public static TheoryData<string, PromQLFeature> NewerSyntax => new()
    {
        { "{\"my.metric\"}", PromQLFeature.Utf8Names },
        { "{\"my.metric\", \"a.b\"=\"c\"}", PromQLFeature.Utf8Names },
        { "sum by (\"a.b\") (foo)", PromQLFeature.Utf8Names },
        { "foo[5m+1m]", PromQLFeature.DurationExpressions },
        { "foo[step()*2:1m]", PromQLFeature.DurationExpressions },
        { "foo offset -step()*2", PromQLFeature.DurationExpressions },
        { "foo[10]", PromQLFeature.DurationExpressions },
        { "foo @ 100s", PromQLFeature.DurationExpressions },
        { "histogram_avg(foo)", PromQLFeature.NewFunctions },
        { "sort_by_label(foo, \"a\")", PromQLFeature.NewFunctions },
        { "limitk(2, foo)", PromQLFeature.NewAggregations },
        { "limit_ratio by (a) (0.5, foo)", PromQLFeature.NewAggregations },
        { "increase(foo[5m] anchored)", PromQLFeature.SelectorModifiers },
        { "a + fill(0) b", PromQLFeature.FillModifiers },
        { "a + on(x) group_left fill_left(1) fill_right(2) b", PromQLFeature.FillModifiers },
        { "1_000", PromQLFeature.NumberUnderscores },
        { "time() - 5m", PromQLFeature.DurationAsNumber },
        { "h </ 0.5", PromQLFeature.NewOperators },
    };

    [Theory]
    [MemberData(nameof(NewerSyntax))]
    public void Accepts_syntax_newer_than_2_42_and_names_the_feature(string input, PromQLFeature feature)
    {
        var result = PromQLParser.Parse(input);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        Assert.Equal(feature, result.Features);

        // The printed form parses back to the same printed form.
        var printed = result.Expr!.ToString();
        Assert.Equal(printed, PromQLParser.Parse(printed).Expr?.ToString());
    }

    [Fact]
    public void Duration_expressions_keep_their_constant_value()
    {
        var ms = (MatrixSelector)PromQLParser.Parse("foo[29s+1s]").Expr!;
        Assert.Equal(30_000, ms.RangeMs);
        var sq = (SubqueryExpr)PromQLParser.Parse("foo[1h:((8 - 2) / 3) * 7s]").Expr!;
        Assert.Equal(14_000, sq.StepMs);
        var vs = (VectorSelector)PromQLParser.Parse("foo offset -2 * 2").Expr!.Children.First();
        Assert.Equal(-2_000, vs.OffsetMs);
    }
}
