using TelemetryContracts.PromQL.Ast;
using TelemetryContracts.PromQL.Tests.Corpus;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>The helpers other components use: Fmt core, selector listing with enclosing calls, the walker, the function table.</summary>
public sealed class ApiTests
{
    [Fact]
    public void Format_returns_the_canonical_form()
    {
        var r = PromQLFormatter.Format("sum(rate(http_requests_total{job=\"api\"}[5m])) by (code)");
        Assert.True(r.Ok);
        Assert.Equal("sum by (code) (rate(http_requests_total{job=\"api\"}[5m]))", r.Formatted);
        Assert.Null(r.Error);
    }

    [Fact]
    public void Format_returns_a_located_error()
    {
        var r = PromQLFormatter.Format("sum(rate(x[5m])\n  foo");
        Assert.False(r.Ok);
        Assert.Null(r.Formatted);
        Assert.Equal(new FormatError(18, 2, 3, "unexpected identifier \"foo\" in aggregation, expected \",\" or \")\""), r.Error);
    }

    [Fact]
    public void Selectors_come_with_metric_matchers_position_and_enclosing_calls()
    {
        const string input = "histogram_quantile(0.9, sum by (le) (rate(x_bucket{job=\"api\"}[5m]))) > on() group_left up";
        var selectors = SelectorFinder.Find(PromQLParser.Parse(input).Expr!);
        Assert.Equal(2, selectors.Count);
        var x = selectors[0];
        Assert.Equal("x_bucket", x.MetricName);
        Assert.Equal(["rate", "sum", "histogram_quantile"], x.EnclosingNames);
        Assert.Equal("rate", x.EnclosingCall!.Function.Name);
        Assert.Equal("sum", x.EnclosingAggregation!.Op);
        Assert.Equal(TimeSpan.FromMinutes(5).TotalMilliseconds, x.Range!.RangeMs);
        Assert.Equal("x_bucket{job=\"api\"}", input[x.Position.Start..x.Position.End]);
        Assert.Contains(x.Matchers, m => m.Name == "job" && m.Value == "api");
        Assert.Equal("up", selectors[1].MetricName);
        Assert.Empty(selectors[1].EnclosingNames);
        Assert.Null(selectors[1].Range);
    }

    [Fact]
    public void Inspect_visits_every_node_with_its_ancestors_and_can_prune()
    {
        var expr = PromQLParser.Parse("sum(rate(a[5m])) + abs(b)").Expr!;
        var seen = new List<string>();
        Inspector.Inspect(expr, (node, path) =>
        {
            seen.Add($"{node.GetType().Name}/{path.Count}");
            return node is not Call { Function.Name: "abs" };
        });
        Assert.Equal(["BinaryExpr/0", "AggregateExpr/1", "Call/2", "MatrixSelector/3", "VectorSelector/4", "Call/1"], seen);
        Assert.Equal(7, Inspector.Descendants(expr).Count());
    }

    [Fact]
    public void Function_table_has_every_prometheus_2_42_function_with_arity()
    {
        string[] v242 =
        [
            "abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp",
            "clamp_max", "clamp_min", "cos", "cosh", "count_over_time", "days_in_month", "day_of_month", "day_of_week", "day_of_year", "deg",
            "delta", "deriv", "exp", "floor", "histogram_count", "histogram_sum", "histogram_fraction", "histogram_quantile", "holt_winters",
            "hour", "idelta", "increase", "irate", "label_replace", "label_join", "last_over_time", "ln", "log10", "log2", "max_over_time",
            "min_over_time", "minute", "month", "pi", "predict_linear", "present_over_time", "quantile_over_time", "rad", "rate", "resets",
            "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan",
            "tanh", "time", "timestamp", "vector", "year",
        ];
        foreach (var name in v242)
        {
            var f = FunctionTable.Find(name);
            Assert.NotNull(f);
            Assert.True(f.SincePrometheus242, name);
        }

        Assert.Equal((2, 2), (FunctionTable.Find("histogram_quantile")!.MinArgs, FunctionTable.Find("histogram_quantile")!.MaxArgs));
        Assert.Equal((3, int.MaxValue), (FunctionTable.Find("label_join")!.MinArgs, FunctionTable.Find("label_join")!.MaxArgs));
        Assert.Equal((0, 1), (FunctionTable.Find("hour")!.MinArgs, FunctionTable.Find("hour")!.MaxArgs));
        Assert.False(FunctionTable.Find("histogram_avg")!.SincePrometheus242);
    }

    [Theory]
    [InlineData("rate(x[$__rate_interval])", "rate(x[5m])")]
    [InlineData("sum(rate(x{job=\"$job\", pod=~\"${pod:regex}\"}[$__interval])) by ($label)", "sum(rate(x{job=\"job\", pod=~\"pod\"}[5m])) by (label)")]
    [InlineData("increase(x[[[interval]]])", "increase(x[5m])")]
    [InlineData("topk($topk, x) / $__range_s", "topk(5, x) / 300")]
    public void Grafana_variable_expansion_yields_plain_promql(string input, string expected)
    {
        Assert.Equal(expected, GrafanaVariables.Expand(input));
        Assert.True(PromQLParser.Parse(GrafanaVariables.Expand(input)).Success);
    }

    [Fact]
    public void Expression_type_follows_prometheus()
    {
        Assert.Equal(ExprType.Scalar, PromQLParser.Parse("1 + time()").Expr!.Type);
        Assert.Equal(ExprType.Vector, PromQLParser.Parse("1 + foo").Expr!.Type);
        Assert.Equal(ExprType.Matrix, PromQLParser.Parse("foo[5m]").Expr!.Type);
        Assert.Equal(ExprType.String, PromQLParser.Parse("\"s\"").Expr!.Type);
        Assert.IsType<SubqueryExpr>(PromQLParser.Parse("rate(foo[5m])[1h:]").Expr);
    }

    [Fact]
    public void Parse_errors_become_TC6001_findings_with_a_caret()
    {
        var result = PromQLParser.Parse("sum(rate(x[5m])\n  foo");
        var findings = PromQLFindings.FromErrors(result, _ => TelemetryContracts.Diagnostics.FindingLocation.AtUrl("dashboard.json#/panels/0/targets/0/expr"));
        var f = Assert.Single(findings);
        Assert.Equal("TC6001", f.Id);
        Assert.Contains("unexpected identifier \"foo\" in aggregation", f.Message, StringComparison.Ordinal);
        Assert.Equal("  foo\n  ^", f.Evidence);
        Assert.NotNull(TelemetryContracts.Diagnostics.RuleCatalog.Find("TC6001"));
    }
}
