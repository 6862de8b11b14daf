using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Lint.Tests;

public class RuleTests
{
    [Theory]
    [InlineData("TC6050", "sum(rate(scanium_http_requests_total[5m]))", false)]
    [InlineData("TC6050", "sum(rate(http_requests_total[5m]))", true)]
    [InlineData("TC6051", "rate(scanium_http_requests_total{env=\"prod\", route=\"/api/items\"}[5m])", false)]
    [InlineData("TC6051", "rate(scanium_http_requests_total{app=\"scanium-backend\"}[5m])", true)]
    [InlineData("TC6052", "scanium_http_requests_total{method=\"POST\"}", false)]
    [InlineData("TC6052", "scanium_http_requests_total{method=\"FETCH\"}", true)]
    [InlineData("TC6053", "scanium_http_requests_total{env=~\"prod|staging\"}", false)]
    [InlineData("TC6053", "scanium_http_requests_total{env=~\"production.*\"}", true)]
    [InlineData("TC6054", "deriv(scanium_classification_queue_depth[5m])", false)]
    [InlineData("TC6054", "rate(scanium_classification_queue_depth[5m])", true)]
    [InlineData("TC6055", "histogram_quantile(0.95, sum by (le) (rate(scanium_http_request_duration_ms_bucket[5m])))", false)]
    [InlineData("TC6055", "histogram_quantile(0.95, sum by (route) (rate(scanium_http_request_duration_ms_bucket[5m])))", true)]
    [InlineData("TC6055", "histogram_quantile(0.95, rate(scanium_http_request_duration_ms_sum[5m]))", true)]
    [InlineData("TC6042", "sum(rate(scanium_http_requests_total[5m])", true)]
    public void PromQLRule_FiresOnlyOnTheBrokenQuery(string id, string expr, bool fires)
    {
        var findings = ScaniumContracts.LintPromQL(expr);

        Assert.Equal(fires, findings.Any(f => f.Id == id));
    }

    [Theory]
    [InlineData("TC6056", "{source=\"scanium-backend\"} |= \"error\"", false)]
    [InlineData("TC6056", "{job=\"scanium-backend\"} |= \"error\"", true)]
    [InlineData("TC6057", "{source=\"scanium-backend\", env=\"prod\"}", false)]
    [InlineData("TC6057", "{source=\"docker\"}", true)]
    [InlineData("TC6058", "{source=\"scanium-backend\"} | json | route=\"/api/items\"", false)]
    [InlineData("TC6058", "{source=\"scanium-backend\"} | json | http_path=\"/api/items\"", true)]
    [InlineData("TC6058", "{source=\"scanium-backend\"} | json user=\"user_id\"", true)]
    [InlineData("TC6043", "{source=\"scanium-backend\"} |= ", true)]
    public void LogQLRule_FiresOnlyOnTheBrokenQuery(string id, string expr, bool fires)
    {
        var findings = ScaniumContracts.LintLogQL(expr);

        Assert.Equal(fires, findings.Any(f => f.Id == id));
    }

    [Fact]
    public void UnknownMetric_SuggestsTheNamespacedName()
    {
        var finding = Assert.Single(ScaniumContracts.LintPromQL("sum(rate(http_requests_total[5m]))"), f => f.Id == "TC6050");

        Assert.Contains("did you mean 'scanium_http_requests_total'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("panels[0] #4 \"Panel\" target A", finding.Location.Path);
        Assert.Equal("sum(rate(http_requests_total[5m]))\n         ^", finding.Evidence);
        Assert.Equal("test.json", finding.Location.File);
    }

    [Fact]
    public void UnknownMetric_NamesTheComposeCounterpartOfAKubernetesName()
    {
        var finding = Assert.Single(ScaniumContracts.LintPromQL("container_memory_working_set_bytes{name=\"scanium-backend\"}"), f => f.Id == "TC6050");

        Assert.Contains("container_memory_usage_bytes", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMetric_UnitSuffixDifferenceIsSuggested()
    {
        var finding = Assert.Single(ScaniumContracts.LintPromQL("scanium_http_request_duration_seconds_bucket"), f => f.Id == "TC6050");

        Assert.Contains("scanium_http_request_duration_ms_bucket", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelNotOnMetric_AppSuggestsJob()
    {
        var finding = Assert.Single(ScaniumContracts.LintPromQL("scanium_http_requests_total{app=\"scanium-backend\"}"), f => f.Id == "TC6051");

        Assert.Contains("did you mean 'job'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JobValue_IsCheckedAgainstTheContractsJob()
    {
        Assert.Contains(ScaniumContracts.LintPromQL("up{job=\"scanium\"}"), f => f.Id == "TC6052");
        Assert.DoesNotContain(ScaniumContracts.LintPromQL("up{job=\"scanium-backend\"}"), f => f.Severity == Severity.Error);
    }

    [Fact]
    public void SourceDocker_ReportsTheDeclaredSource()
    {
        var finding = Assert.Single(ScaniumContracts.LintLogQL("sum(count_over_time({source=\"docker\"} |= \"error\" [5m]))"), f => f.Id == "TC6057");

        Assert.Contains("source=\"scanium-backend\"", finding.Message, StringComparison.Ordinal);
        Assert.Equal("sum(count_over_time({source=\"docker\"} |= \"error\" [5m]))\n                            ^", finding.Evidence);
    }

    [Fact]
    public void TemplatedValues_AreNotJudgedButNamesAre()
    {
        const string vars = """[{"name": "route", "type": "query", "query": "label_values(scanium_http_requests_total, route)", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"}}]""";

        var findings = ScaniumContracts.LintPromQL("sum(rate(scanium_http_requests_total{route=~\"$route\", appname=~\"$route\"}[$__rate_interval]))", vars);

        Assert.Equal("TC6051", Assert.Single(findings).Id);
    }

    [Fact]
    public void CustomVariableOption_OutsideTheClosedSetIsReported()
    {
        const string vars = """[{"name": "env", "type": "custom", "query": "dev,stage,prod", "current": {"value": "$__all"}, "includeAll": true, "multi": true}]""";

        var findings = ScaniumContracts.LintLogQL("{source=\"scanium-backend\", env=~\"$env\"}", vars);

        var finding = Assert.Single(findings);
        Assert.Equal("TC6057", finding.Id);
        Assert.Contains("env=\"stage\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseErrorOffset_IsMappedBackThroughTemplateExpansion()
    {
        const string expr = "rate(scanium_http_requests_total{env=\"$env\"}[$__rate_interval]) +";

        var finding = Assert.Single(ScaniumContracts.LintPromQL(expr), f => f.Id == "TC6042");

        // The error is at the end of the written text, which is longer than its expansion.
        var lines = finding.Evidence!.Split('\n');
        Assert.Equal(expr, lines[0]);
        Assert.Equal(new string(' ', expr.Length) + "^", lines[1]);
    }

    [Fact]
    public void DatasourceUid_NotProvisionedIsReported()
    {
        var dashboard = Dashboards.DashboardReader.Read("d.json", """
            {"panels": [{"id": 1, "title": "x", "datasource": {"type": "prometheus", "uid": "MIMIR"}, "targets": [{"refId": "A", "expr": "up"}]},
                        {"id": 2, "title": "y", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"}, "targets": [{"refId": "A", "expr": "up"}]}]}
            """);

        var findings = new DashboardLinter(ScaniumContracts.Index).Lint(dashboard).Findings;

        var finding = Assert.Single(findings, f => f.Id == "TC6059");
        Assert.Contains("'MIMIR'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariableDefinition_IsParsedAndChecked()
    {
        const string vars = """
            [{"name": "a", "type": "query", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"}, "query": {"query": "label_values(scanium_http_requests_total, app)"}},
             {"name": "b", "type": "query", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"}, "query": "metrics(^node_)"},
             {"name": "c", "type": "query", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"}, "query": "query_result(rate(http_requests_total[5m]))"},
             {"name": "d", "type": "query", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"}, "query": "label_values(scanium_http_requests_total, route)"}]
            """;

        var findings = ScaniumContracts.LintPromQL("scanium_http_requests_total", vars);

        Assert.Contains(findings, f => f.Id == "TC6051" && f.Location.Path == "templating.list[0] variable \"a\"");
        Assert.Contains(findings, f => f.Id == "TC6060" && f.Location.Path == "templating.list[1] variable \"b\"");
        Assert.Contains(findings, f => f.Id == "TC6050" && f.Location.Path == "templating.list[2] variable \"c\"");
        Assert.DoesNotContain(findings, f => f.Location.Path == "templating.list[3] variable \"d\"");
    }

    [Fact]
    public void LibraryPanelWithoutModel_IsReportedUnchecked()
    {
        var dashboard = Dashboards.DashboardReader.Read("d.json", """{"panels": [{"id": 3, "libraryPanel": {"uid": "lib-1", "name": "Latency"}}]}""");

        var findings = new DashboardLinter(ScaniumContracts.Index).Lint(dashboard).Findings;

        Assert.Equal("TC6045", Assert.Single(findings).Id);
    }

    [Fact]
    public void OtherDatasources_AreReportedAsUnchecked()
    {
        var findings = ScaniumContracts.Lint("{ resource.service.name = \"scanium\" }", "tempo");

        Assert.Equal("TC6044", Assert.Single(findings).Id);
    }
}
