using TelemetryContracts.Grafana.Templating;
using Xunit.Abstractions;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>Every LogQL target of the corpus dashboards, after Grafana's template expansion, parses.</summary>
public sealed class DashboardTargetTests(ITestOutputHelper output)
{
    // Targets Loki itself rejects, found by this test; each is a real defect of the dashboard, not of the parser.
    private static readonly Dictionary<string, string> KnownBroken = new()
    {
        // The *-logs mixins default every selector variable to All with allValue ".*", so the selector has no
        // matcher that rejects the empty string and Loki refuses the query until a value is picked.
        ["mixins__apache-cassandra__apache-cassandra-logs.json / Logs volume"] = "empty-compatible value",
        ["mixins__apache-cassandra__apache-cassandra-logs.json / Logs"] = "empty-compatible value",
        ["mixins__apache-tomcat__apache-tomcat-logs.json / Logs volume"] = "empty-compatible value",
        ["mixins__apache-tomcat__apache-tomcat-logs.json / Logs"] = "empty-compatible value",
        ["mixins__influxdb__influxdb-logs.json / Logs volume"] = "empty-compatible value",
        ["mixins__influxdb__influxdb-logs.json / Logs"] = "empty-compatible value",
        ["mixins__sap-hana__sap-hana-logs.json / Logs volume"] = "empty-compatible value",
        ["mixins__sap-hana__sap-hana-logs.json / Logs"] = "empty-compatible value",
        // PromQL written against a Loki datasource: LogQL has no subqueries and no time()/timestamp().
        ["scanium__logs-explorer.json / Log Rate Anomaly Detection"] = "syntax error: unexpected sum",
        ["scanium__pipeline-health.json / Data Freshness"] = "syntax error: unexpected IDENTIFIER",
    };

    [Fact]
    public void Every_Loki_target_of_the_corpus_dashboards_parses_after_template_expansion_except_the_known_broken_ones()
    {
        var targets = DashboardLokiTargets.All().ToList();
        var failures = new Dictionary<string, string>();
        foreach (var target in targets)
        {
            var expansion = TemplateExpander.Expand(target.Expr, target.Context);
            var result = Parser.Parse(expansion.Text);
            if (result.Success) continue;
            var e = result.Errors[0];
            var (start, end) = expansion.MapRangeToOriginal(e.Range.Start, e.Range.End);
            failures[$"{target.Dashboard} / {target.Panel}"] = e.Message;
            output.WriteLine($"REJECTED {target}\n    expanded: {expansion.Text}\n    {e} (points at the user's text '{target.Expr[start..end]}')");
        }
        output.WriteLine($"dashboards with Loki targets: {targets.Select(t => t.Dashboard).Distinct().Count()}, Loki targets: {targets.Count}, accepted: {targets.Count - failures.Count}, rejected: {failures.Count}");
        Assert.True(targets.Count >= 90, $"only {targets.Count} Loki targets found");
        Assert.Equal(KnownBroken.Keys.Order(StringComparer.Ordinal), failures.Keys.Order(StringComparer.Ordinal));
        Assert.All(KnownBroken, k => Assert.Contains(k.Value, failures[k.Key], StringComparison.Ordinal));
    }

    [Fact]
    public void The_mixin_log_queries_parse_once_a_job_is_selected()
    {
        var target = DashboardLokiTargets.All().First(t => t.Dashboard == "mixins__apache-tomcat__apache-tomcat-logs.json" && t.Panel == "Logs");
        var variables = target.Context.Variables.ToDictionary();
        variables["job"] = TemplateVariable.Single("job", "integrations/tomcat") with { Multi = true, IncludeAll = true };

        var expansion = TemplateExpander.Expand(target.Expr, target.Context with { Variables = variables });

        Assert.True(Parser.Parse(expansion.Text).Success, expansion.Text);
    }

    [Fact]
    public void A_parse_error_in_an_expanded_query_points_at_the_users_text()
    {
        const string original = "sum(count_over_time({app=\"$app\"} |= \"$filter\" [$__auto]) by (level))";
        var context = new TemplateContext
        {
            Dialect = InterpolationDialect.Loki,
            Variables = new Dictionary<string, TemplateVariable>
            {
                ["app"] = TemplateVariable.Single("app", "checkout-service"),
                ["filter"] = TemplateVariable.Single("filter", "timeout"),
            },
        };
        var expansion = TemplateExpander.Expand(original, context);

        var error = Assert.Single(Parser.Parse(expansion.Text).Errors);
        var (start, end) = expansion.MapRangeToOriginal(error.Range.Start, error.Range.End);

        Assert.Equal("grouping not allowed for count_over_time aggregation", error.Message);
        Assert.Equal("by (level)", original[start..end]);
    }
}
