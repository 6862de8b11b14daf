using TelemetryContracts.PromQL.Tests.Corpus;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>Printer behaviour: Go number/string/duration forms, the 100-byte prettier, and round trips over the corpus.</summary>
public sealed class PrinterTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e6, "1e+06")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    public void Numbers_print_like_go_fmt(double value, string expected) => Assert.Equal(expected, GoFormat.Float(value));

    [Theory]
    [InlineData(5 * 60_000L, "5m")]
    [InlineData(90 * 60_000L, "1h30m")]
    [InlineData(1500L, "1s500ms")]
    [InlineData(7L * 24 * 3600_000, "1w")]
    [InlineData(8L * 24 * 3600_000, "8d")]
    [InlineData(365L * 24 * 3600_000, "1y")]
    [InlineData(0L, "0s")]
    public void Durations_print_like_prometheus_model(long ms, string expected) => Assert.Equal(expected, GoFormat.Duration(ms));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("tab\tnl\n", "\"tab\\tnl\\n\"")]
    [InlineData("é😀", "\"é😀\"")]
    [InlineData("\u0001", "\"\\x01\"")]
    [InlineData("\u00a0", "\"\\u00a0\"")]
    public void Strings_print_like_go_strconv_quote(string value, string expected) => Assert.Equal(expected, GoFormat.Quote(value));

    [Theory]
    [InlineData("sum(foo) by (job)", "sum by (job) (foo)")]
    [InlineData("sum by () (foo)", "sum(foo)")]
    [InlineData("sum without () (foo)", "sum without () (foo)")]
    [InlineData("foo{b=\"2\",a=\"1\"}", "foo{a=\"1\",b=\"2\"}")]
    [InlineData("foo[90m] offset 1h @ 10", "foo[1h30m] @ 10.000 offset 1h")]
    [InlineData("a * ignoring() group_left b", "a * b")]
    [InlineData("a * on() group_left b", "a * on () group_left () b")]
    [InlineData("'single'", "\"single\"")]
    [InlineData("\"\\xff\"", "\"\\xff\"")]
    [InlineData("0x10 + .5", "16 + 0.5")]
    public void Compact_form_normalises_like_prometheus(string input, string expected) =>
        Assert.Equal(expected, PromQLParser.Parse(input).Expr!.ToString());

    [Fact]
    public void Long_expressions_split_over_indented_lines_at_100_bytes()
    {
        const string input = "sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{namespace=\"monitoring\", container!=\"\"}[5m])) / on (namespace, pod) group_left (node) kube_pod_info";
        var expected = string.Join('\n',
            "  sum by (namespace, pod) (",
            "    rate(container_cpu_usage_seconds_total{container!=\"\",namespace=\"monitoring\"}[5m])",
            "  )",
            "/ on (namespace, pod) group_left (node)",
            "  kube_pod_info");
        Assert.Equal(expected, Printer.Pretty(PromQLParser.Parse(input).Expr!));
    }

    [Fact]
    public void Short_expressions_stay_on_one_line()
    {
        Assert.Equal("rate(foo[5m])", Printer.Pretty(PromQLParser.Parse("rate( foo [5m] )").Expr!));
    }

    [Fact]
    public void Every_accepted_corpus_expression_round_trips_through_both_printers()
    {
        var checkedCount = 0;
        foreach (var c in PromQLCorpus.All().Concat(EdgeCases.All()))
        {
            var first = PromQLParser.Parse(c.Expression);
            if (!first.Success) { continue; }
            checkedCount++;
            var compact = first.Expr!.ToString();
            var pretty = Printer.Pretty(first.Expr!);
            var fromCompact = PromQLParser.Parse(compact);
            var fromPretty = PromQLParser.Parse(pretty);
            Assert.True(fromCompact.Success, $"{c.Source}: compact form does not parse: {compact}\n{string.Join("; ", fromCompact.Errors)}");
            Assert.True(fromPretty.Success, $"{c.Source}: pretty form does not parse: {pretty}\n{string.Join("; ", fromPretty.Errors)}");
            Assert.Equal(TreeDump.Dump(fromCompact.Expr!, positions: false), TreeDump.Dump(fromPretty.Expr!, positions: false));
            if (!LossyIn242(first.Expr!))
            {
                Assert.Equal(TreeDump.Dump(first.Expr!, positions: false), TreeDump.Dump(fromCompact.Expr!, positions: false));
            }
            Assert.Equal(compact, fromCompact.Expr!.ToString());
            Assert.Equal(pretty, Printer.Pretty(fromPretty.Expr!));
        }

        Assert.True(checkedCount > 4000, $"only {checkedCount} expressions checked");
    }

    /// <summary>
    /// Prometheus 2.42 prints <c>ignoring()</c> with group modifiers and empty <c>by ()</c> as nothing, so those trees
    /// come back without the (meaningless) empty clause; everything else must come back identical.
    /// </summary>
    private static bool LossyIn242(TelemetryContracts.PromQL.Ast.Expr e) => Inspector.Descendants(e).Any(n =>
        n is TelemetryContracts.PromQL.Ast.BinaryExpr { Matching: { On: false, MatchingLabels.Count: 0 } vm } && (vm.Explicit || vm.Card is TelemetryContracts.PromQL.Ast.VectorMatchCardinality.ManyToOne or TelemetryContracts.PromQL.Ast.VectorMatchCardinality.OneToMany)
        || n is TelemetryContracts.PromQL.Ast.AggregateExpr { GroupingWritten: true, Without: false, Grouping.Count: 0 });
}
