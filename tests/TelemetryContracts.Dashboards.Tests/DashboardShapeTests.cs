using TelemetryContracts.Dashboards;
using TelemetryContracts.Dashboards.Model;

namespace TelemetryContracts.Dashboards.Tests;

public class DashboardShapeTests
{
    [Fact]
    public void CollapsedRow_NestedPanelsGetNestedPathAndRowTitle()
    {
        var d = DashboardReader.Read("d.json", """
            {"schemaVersion": 39, "panels": [
              {"id": 1, "type": "row", "title": "Errors", "collapsed": true, "panels": [
                {"id": 2, "type": "timeseries", "title": "5xx", "targets": [{"refId": "A", "expr": "rate(http_requests_total[5m])"}]}
              ]},
              {"id": 3, "type": "row", "title": "Open", "collapsed": false, "panels": []},
              {"id": 4, "type": "stat", "title": "Up", "targets": [{"expr": "up"}]}
            ]}
            """);

        var nested = Assert.Single(d.Panels, p => p.Id == 2);
        Assert.Equal("panels[0].panels[0]", nested.Path);
        Assert.Equal("Errors", nested.RowTitle);
        Assert.Equal("Open", Assert.Single(d.Panels, p => p.Id == 4).RowTitle);
        Assert.Equal("A", Assert.Single(Assert.Single(d.Panels, p => p.Id == 4).Targets).RefId);
        Assert.True(d.Panels[0].IsRow && d.Panels[0].Collapsed);
    }

    [Fact]
    public void LegacyRows_PanelsAreReadWithRowPath()
    {
        var d = DashboardReader.Read("d.json", """
            {"schemaVersion": 12, "rows": [
              {"title": "Row A", "collapse": false, "panels": [
                {"id": 1, "type": "graph", "title": "QPS", "datasource": "Prometheus", "targets": [{"expr": "sum(rate(x_total[1m]))", "refId": "A"}]}
              ]}
            ]}
            """);

        var panel = Assert.Single(d.Panels, p => !p.IsRow);
        Assert.Equal("rows[0].panels[0]", panel.Path);
        Assert.Equal("Row A", panel.RowTitle);
        Assert.Equal(DatasourceRefForm.Name, panel.Targets[0].Datasource.Form);
        Assert.Equal(DatasourceKind.Prometheus, panel.Targets[0].Kind);
    }

    [Fact]
    public void RepeatedPanels_SourceKeepsRepeatAndClonesAreMarked()
    {
        var d = DashboardReader.Read("d.json", """
            {"panels": [
              {"id": 1, "title": "CPU $instance", "repeat": "instance", "targets": [{"expr": "up{instance=\"$instance\"}"}]},
              {"id": 2, "title": "CPU $instance", "repeatPanelId": 1, "repeatIteration": 1700000000, "targets": [{"expr": "up{instance=\"$instance\"}"}]}
            ]}
            """);

        Assert.Equal("instance", d.Panels[0].Repeat);
        Assert.False(d.Panels[0].IsRepeatClone);
        Assert.True(d.Panels[1].IsRepeatClone);
    }

    [Fact]
    public void LibraryPanel_ReferenceIsKeptWithoutTargets()
    {
        var d = DashboardReader.Read("d.json", """
            {"panels": [{"id": 7, "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "libraryPanel": {"uid": "lib-1", "name": "Shared latency"}}]}
            """);

        var panel = Assert.Single(d.Panels);
        Assert.Equal(new LibraryPanelRef("lib-1", "Shared latency"), panel.LibraryPanel);
        Assert.Equal(new GridPos(0, 0, 12, 8), panel.GridPos);
        Assert.Empty(panel.Targets);
    }

    [Theory]
    [InlineData("null", DatasourceKind.Prometheus, DatasourceRefForm.Default)]
    [InlineData("\"Prometheus\"", DatasourceKind.Prometheus, DatasourceRefForm.Name)]
    [InlineData("\"Loki\"", DatasourceKind.Loki, DatasourceRefForm.Name)]
    [InlineData("{\"type\": \"loki\", \"uid\": \"abc\"}", DatasourceKind.Loki, DatasourceRefForm.Uid)]
    [InlineData("{\"type\": \"prometheus\", \"uid\": \"P1809F7CD0C75ACF3\"}", DatasourceKind.Prometheus, DatasourceRefForm.Uid)]
    [InlineData("{\"type\": \"tempo\", \"uid\": \"tempo\"}", DatasourceKind.Other, DatasourceRefForm.Uid)]
    [InlineData("{\"uid\": \"$logs\"}", DatasourceKind.Loki, DatasourceRefForm.Variable)]
    [InlineData("\"${DS_PROM}\"", DatasourceKind.Prometheus, DatasourceRefForm.Variable)]
    [InlineData("\"[[logs]]\"", DatasourceKind.Loki, DatasourceRefForm.Variable)]
    [InlineData("{\"type\": \"datasource\", \"uid\": \"-- Mixed --\"}", DatasourceKind.Other, DatasourceRefForm.Mixed)]
    [InlineData("\"-- Grafana --\"", DatasourceKind.Other, DatasourceRefForm.Grafana)]
    public void DatasourceReferences_ResolveToKind(string reference, DatasourceKind kind, DatasourceRefForm form)
    {
        var d = DashboardReader.Read("d.json", $$"""
            {"__inputs": [{"name": "DS_PROM", "type": "datasource", "pluginId": "prometheus"}],
             "templating": {"list": [{"name": "logs", "type": "datasource", "query": "loki"}]},
             "panels": [{"id": 1, "datasource": {{reference}}, "targets": [{"refId": "A", "expr": "up"}]}]}
            """);

        var panel = Assert.Single(d.Panels);
        Assert.Equal(kind, panel.Datasource!.Kind);
        Assert.Equal(form, panel.Datasource.Form);
    }

    [Fact]
    public void MixedPanel_TargetsUseTheirOwnDatasource()
    {
        var d = DashboardReader.Read("d.json", """
            {"panels": [{"id": 1, "datasource": {"type": "datasource", "uid": "-- Mixed --"}, "targets": [
              {"refId": "A", "datasource": {"type": "prometheus", "uid": "prom"}, "expr": "up"},
              {"refId": "B", "datasource": {"type": "loki", "uid": "loki"}, "expr": "{app=\"x\"}"}]}]}
            """);

        Assert.Equal(new[] { DatasourceKind.Prometheus, DatasourceKind.Loki }, d.Panels[0].Targets.Select(t => t.Kind));
    }

    [Fact]
    public void UnknownDatasourceName_WithLogQLSyntax_IsLoki()
    {
        var d = DashboardReader.Read("d.json", """
            {"panels": [{"id": 1, "datasource": "my-ds", "targets": [{"expr": "sum(count_over_time({job=\"x\"} |= \"error\" [5m]))"}]}]}
            """);

        Assert.Equal(DatasourceKind.Loki, d.Panels[0].Targets[0].Kind);
    }

    [Fact]
    public void Templating_QueryObjectsCurrentValuesAndAnnotations_AreRead()
    {
        var d = DashboardReader.Read("d.json", """
            {"templating": {"list": [
              {"name": "job", "type": "query", "datasource": {"type": "prometheus", "uid": "p"},
               "query": {"query": "label_values(up, job)", "refId": "PrometheusVariableQueryEditor-VariableQuery"},
               "current": {"text": ["a", "b"], "value": ["a", "b"]}, "multi": true, "includeAll": true},
              {"name": "env", "type": "custom", "query": "dev,prod", "options": [{"value": "dev"}, {"value": "prod"}]}
             ]},
             "annotations": {"list": [
              {"builtIn": 1, "datasource": "-- Grafana --", "name": "Annotations & Alerts", "enable": true},
              {"name": "Deploys", "datasource": {"type": "prometheus", "uid": "p"}, "expr": "changes(build_info[5m]) > 0"}
             ]}}
            """);

        Assert.Equal("label_values(up, job)", d.Variables[0].Query);
        Assert.Equal(new[] { "a", "b" }, d.Variables[0].Current);
        Assert.True(d.Variables[0].Multi);
        Assert.Equal(new[] { "dev", "prod" }, d.Variables[1].Options);
        Assert.Null(d.Annotations[0].Target);
        Assert.Equal("changes(build_info[5m]) > 0", d.Annotations[1].Target!.Expr);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("{\"panels\": [", 1, 13)]
    [InlineData("{\n  \"panels\": [}\n", 2, 14)]
    [InlineData("[1, 2]", 1, 1)]
    [InlineData("{\"a\": 1} {", 1, 10)]
    public void MalformedJson_GivesLocatedFatalError(string json, int line, int column)
    {
        var d = DashboardReader.Read("bad.json", json);

        var error = Assert.Single(d.Errors);
        Assert.True(error.IsFatal);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.True(d.IsUnreadable);
    }

    [Fact]
    public void WrongShapes_AreLocatedAndTheRestIsRead()
    {
        var d = DashboardReader.Read("d.json", "{\"panels\": [42, {\"id\": 1, \"targets\": \"nope\"}, {\"id\": 2, \"targets\": [{\"expr\": \"up\"}]}],\n \"templating\": {\"list\": 3}}");

        Assert.Equal(3, d.Errors.Count);
        Assert.All(d.Errors, e => Assert.False(e.IsFatal));
        Assert.Contains(d.Errors, e => e.Path == "panels[1].targets" && e.Position.Column == 38);
        Assert.Single(d.AllTargets());
    }

    [Fact]
    public void DeeplyNestedJson_DoesNotOverflowTheStack()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var d = DashboardReader.Read("deep.json", json);

        Assert.True(d.IsUnreadable);
    }

    [Fact]
    public void TargetExpressionPosition_PointsAtTheString()
    {
        var d = DashboardReader.Read("d.json", "{\"panels\": [\n  {\"id\": 1, \"targets\": [{\"expr\": \"up\"}]}]}");

        Assert.Equal((2, 34), (d.Panels[0].Targets[0].ExprPosition.Line, d.Panels[0].Targets[0].ExprPosition.Column));
    }
}
