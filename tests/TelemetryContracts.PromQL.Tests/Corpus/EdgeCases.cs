namespace TelemetryContracts.PromQL.Tests.Corpus;

/// <summary>
/// Hand-written corner cases checked against the live Prometheus alongside the corpus: lexing, precedence,
/// modifiers, printing of numbers/strings/durations, prettier line splitting, and the error paths.
/// </summary>
public static class EdgeCases
{
    private static readonly string Long = "sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{namespace=\"monitoring\", container!=\"\"}[5m]))";

    /// <summary>All edge cases.</summary>
    public static IEnumerable<CorpusExpression> All() => Expressions.Select((e, i) => new CorpusExpression($"edge:{i}", e, false));

    private static readonly string[] Expressions =
    [
        // numbers
        "1", "-1", "+1", "- -1", "-(1)", "1e6", "1e-7", "0.0001", "123456", "1234567", "0x1F", "0X1f", "1.", ".5", "1e+3", "Inf", "-Inf", "+Inf", "NaN", "nan", "inf", "InF",
        "1_000", "1e", "0x", "08", "1.5e300 * 1e300", "-0", "0.1 + 0.2", "2 ^ 3 ^ 2", "-2 ^ 2", "(1 + 2) * 3", "1 + 2 * 3", "1 == bool 1", "1 == 1", "1 + bool 2",
        // strings
        "\"a\\nb\"", "'single'", "`raw\\n`", "\"\\u00e9\\U0001F600\"", "\"\\x41\\101\"", "\"tab\\there\"", "\"\\q\"", "\"unterminated", "'a\"b'", "\"a'b\"", "\"\\'\"", "'\\\"'",
        "\"\\uD800\"", "\"\\400\"", "`multi\nline`",
        // selectors
        "foo", "foo{}", "{}", "{a=\"\"}", "{a=~\".*\"}", "{a=~\".+\"}", "{a!=\"\"}", "foo{a=\"b\",}", "foo{b=\"2\",a=\"1\"}", "foo{a=~\"(\"}", "foo{a=~\"(?=x)\"}",
        "{__name__=\"foo\"}", "{__name__=\"foo\",a=\"b\"}", "foo{__name__=\"bar\"}", "foo:bar:baz", ":foo", "foo{a:b=\"c\"}", "foo{a=\"b\" c=\"d\"}", "foo{a}",
        "sum{a=\"b\"}", "by", "offset", "without{a=\"b\"}", "and{a=\"b\"}", "start", "end", "bool", "on", "foo{by=\"1\",offset=\"2\"}", "foo{\"a.b\"=\"c\"}", "{\"my.metric\"}",
        "foo # comment", "# only comment", "foo\n# c\n+ bar",
        // ranges, subqueries, modifiers
        "foo[5m]", "foo[5]", "foo[0s]", "foo[1h30m]", "foo[90m]", "foo[1.5h]", "foo[5m5m]", "foo[1y52w]", "foo[365d]", "foo[7d]", "foo[1000ms]", "foo[1500ms]",
        "foo[5m:]", "foo[5m:1m]", "foo[5m:1m:]", "foo[5m][1m]", "foo[5m:][1m]", "rate(foo[5m])[30m:1m]", "foo offset 5m", "foo offset -5m", "foo offset 0s",
        "foo offset 5m offset 1m", "foo @ 100", "foo @ 1.5", "foo @ -1", "foo @ 1e3", "foo @ start()", "foo @ end()", "foo @ 1 @ 2", "foo @ Inf",
        "foo[5m] @ 100 offset 1h", "foo[5m] offset 1h @ 100", "foo offset 1h[5m]", "foo @ 100[5m]", "(foo)[5m]", "(foo)[5m:]", "sum(foo) offset 5m",
        "1 offset 5m", "foo[5m:] offset 5m @ 10", "-foo offset 5m", "foo[5m", "foo[5m:1m", "foo[ 5m ]",
        // operators and matching
        "a + b", "a + on(x) b", "a + on() b", "a + ignoring(x) b", "a * on(x) group_left b", "a * on(x) group_left(y) b", "a * on(x) group_right(y, z) b",
        "a * ignoring() group_left b", "a * on() group_left b", "a + on(x) group_left(x) b", "a and b", "a and on(x) b", "a and on(x) group_left b",
        "a or 1", "1 and b", "a unless b", "a atan2 b", "1 atan2 2", "a == bool b", "a > bool 1", "a + bool b", "a + group_left b", "a + on(x,) b", "a + on (x) group_left() b",
        "a + 1 + b", "a - -b", "a * -b ^ c", "-a ^ b", "-a * b", "!a", "a = b", "a ==", "== a", "a + ", "a b", "foo(", "foo)", "(foo", "((foo))", "()",
        // aggregations
        "sum(foo)", "sum by (a) (foo)", "sum(foo) by (a)", "sum without (a) (foo)", "sum(foo) without (a)", "sum by () (foo)", "sum without () (foo)", "sum by (a,) (foo)",
        "sum by (a) (foo) by (b)", "SUM(foo)", "Sum By (a) (foo)", "sum()", "sum(foo, bar)", "topk(5, foo)", "topk(foo)", "topk by (a) (5, foo)", "topk(\"5\", foo)",
        "quantile(0.9, foo)", "count_values(\"v\", foo)", "count_values(5, foo)", "group(foo)", "stddev(foo)", "stdvar by (a) (foo)", "bottomk(3, foo)", "sum(1)",
        "sum(foo[5m])", "sum by (__name__) (foo)", "sum by (1a) (foo)", "sum by (\"a.b\") (foo)", "sum foo", "sum", "sum(foo) by", "avg(foo,)",
        // functions
        "rate(foo[5m])", "rate(foo)", "rate(foo[5m], 1)", "RATE(foo[5m])", "unknown_fn(foo)", "time()", "time(1)", "pi()", "vector(1)", "scalar(foo)",
        "round(foo)", "round(foo, 5)", "round(foo, 5, 6)", "label_join(foo, \"a\", \",\", \"b\", \"c\", \"d\")", "label_join(foo, \"a\", \",\")",
        "label_replace(foo, \"a\", \"$1\", \"b\", \"(.*)\")", "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))", "holt_winters(foo[5m], 0.5, 0.5)",
        "day_of_week()", "day_of_week(foo)", "day_of_week(foo, bar)", "clamp(foo, 0, 1)", "absent(nonexistent{job=\"x\"})", "rate(foo[5m],)", "abs(-foo)",
        "-rate(foo[5m])", "rate(-foo[5m])", "sort_desc(sum(rate(foo[5m])))", "timestamp(foo @ 10)", "histogram_fraction(0, 0.2, rate(foo[5m]))",
        // prettier: long expressions
        Long, Long + " / " + Long, "(" + Long + " / " + Long + ")", "-(" + Long + ")", "max_over_time((" + Long + ")[1h:5m])",
        Long + " / on (namespace, pod) group_left (node) kube_pod_info{job=\"kube-state-metrics\", namespace=\"monitoring\"}",
        "label_replace(" + Long + ", \"target\", \"$1\", \"source\", \"(.+)\")", "topk(10, " + Long + ")", "count_values(\"value\", " + Long + ")",
        "sum(rate(" + new string('a', 120) + "[5m]))", new string('b', 130) + "{job=\"x\"}", "histogram_quantile(0.99, sum by (le, service) (rate(http_server_request_duration_seconds_bucket{service=~\"checkout|cart\"}[5m])))",
        Long + " > bool 0.5", Long + " and " + Long, "(" + Long + ")[30m:1m] offset 5m", "vector(1) + " + Long, "(" + Long + ") * 100",
        "sum(" + Long + ") by (x)", "1 + 2 + " + Long, Long + " unless on (pod) " + Long, "abs(" + Long + " - " + Long + ")",

        // more corners: modifier order, keywords in odd places, escapes, numbers, durations
        "foo and bool bar", "a + on(x) group_left(y) bool b", "a == bool on(x) b", "a > bool on(x) b", "a + ignoring(x) group_right b",
        "sum by (a) by (b) (x)", "sum(x) without(a) by(b)", "sum by (on, by, offset) (x)", "sum by (sum) (x)", "sum by (inf) (x)", "sum by (nan) (x)",
        "sum by (group_left) (x)", "foo{a=\"b\"}{c=\"d\"}", "{a=\"b\"}[5m]", "foo[5m] [5m:]", "time() offset 5m", "x @ start() @ end()", "x @ 1e20",
        "x @ -Inf", "@ 100 x", "topk(5, x) by (a)", "count_values by (a) (\"v\", x)", "label_replace(x, \"a\", \"b\", \"c\")", "vector(\"a\")",
        "scalar(x[5m])", "abs(x)[5m:]", "x[5m:1m] @ 10 offset 5m", "1 + -2", "1 - - 2", "1 ^ -2", "-1 ^ 2", "2 * -3 ^ 2", "'\\x'", "\"\\u12\"",
        "\"\\U0010FFFF\"", "\"\\U00110000\"", "\"\\777\"", "\"\\377\"", "1e+", "1.2.3", "0x1.8", "0xG", "1e309", "00", "0x8000000000000000", "0x7fffffffffffffff",
        "x[1w1d]", "x[1d1w]", "x[1m1m]", "x[5m:0s]", "x[5ms]", "x[1s1ms]", "x[999999999999y]", "x offset 5M", "x[5M]", "x[1h0m]",
        "foo or ignoring(x) bar", "foo unless on(x) group_right bar", "sum without(x)(foo) by (y)", "fóo", "foo\t+\r\nbar", "#comment\nfoo",
        "foo # comment with } and )", "{a=\"b\",__name__=~\"x.*\"}", "{__name__=~\".*\"}", "{__name__!=\"\"}", "rate(x[5m] offset 1h)",
        "rate(x offset 1h [5m])", "min(x) by (a) + on(a) max(y) by (a)", "sum by(le)(x) > 1 unless y", "quantile(0.5, x) offset 5m", "group_left",
        "on", "ignoring{a=\"b\"}", "bool{a=\"b\"}", "atan2{a=\"b\"}", "nan{a=\"b\"}", "inf[5m]", "start{a=\"b\"}", "end[5m]", "offset{a=\"b\"}[5m]",
        "by{a=\"b\"} offset 5m", "without", "count", "count by (a)", "x{a=~\"a|b\"}", "x{a=~\"\\\\d+\"}", "x{a=~\"(?i)foo\"}", "x{a=~\"[[:alpha:]]\"}",
        "x{a=~\"a{2,}\"}", "x{a=~\"\\\\p{L}\"}", "x{a!~\".*\"}", "x{a=~\"*\"}", "x{a=~\"a**\"}", "sum(x)by(a)", "sum(x)BY(a)", "x OFFSET 5m", "x Offset -5m",
        "a AND b", "a Or b", "a UNLESS b", "a ATAN2 b", "a == BOOL b", "a * ON(x) GROUP_LEFT(y) b", "x @ START()", "x @ End()",
        "sum(rate(x[5m])) by (a) > bool 0", "-sum(x)", "+sum(x)", "--x", "-+-1", "(((x)))[5m:]", "((x))", "x[5m:]offset 5m", "1 > bool 2 > bool 3",
        "histogram_quantile(0.9, x) > on() group_right 0", "vector(1) and on() vector(1)", "vector(1) or 1",
        "label_join(x, \"dst\", \"-\", \"a\", \"b\", \"c\", \"d\", \"e\", \"f\")", "sort(x[5m])", "clamp_min(x, \"1\")", "absent_over_time(x)",
        "predict_linear(x[5m], \"a\")", "quantile_over_time(0.5, x[5m:])", "holt_winters(x[5m], 0.3)", "round(x, time())", "days_in_month(vector(time()))",
        // depth
        new string('(', 300) + "1" + new string(')', 300),
    ];
}
