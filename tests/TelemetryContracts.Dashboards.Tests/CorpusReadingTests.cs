using TelemetryContracts.Dashboards;
using TelemetryContracts.Dashboards.Model;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Dashboards.Tests;

public class CorpusReadingTests
{
    public static TheoryData<string> CorpusDashboards()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "dashboards"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusDashboards))]
    public void EveryCorpusDashboard_IsReadWithoutErrors(string file)
    {
        var dashboard = DashboardReader.ReadFile(Path.Combine(RepoPaths.Corpus, "dashboards", file));

        Assert.Empty(dashboard.Errors);
        Assert.All(dashboard.Panels, p => Assert.StartsWith(p.Path.StartsWith("dashboard.", StringComparison.Ordinal) ? "dashboard." : p.Path[..4], p.Path));
    }

    [Fact]
    public void WholeCorpus_CountsPanelsTargetsAndExpressions()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "dashboards"), "*.json");
        var dashboards = files.Select(DashboardReader.ReadFile).ToList();

        var panels = dashboards.Sum(d => d.Panels.Count(p => !p.IsRow));
        var targets = dashboards.Sum(d => d.AllTargets().Count());
        var prom = dashboards.Sum(d => d.AllTargets().Count(t => t.Target.Kind == DatasourceKind.Prometheus && !string.IsNullOrWhiteSpace(t.Target.Expr)));
        var loki = dashboards.Sum(d => d.AllTargets().Count(t => t.Target.Kind == DatasourceKind.Loki && !string.IsNullOrWhiteSpace(t.Target.Expr)));

        // MANIFEST.md lists 66 dashboards; its PromQL/LogQL counts are a heuristic, so only the order of magnitude is pinned.
        Assert.Equal(66, dashboards.Count);
        Assert.InRange(panels, 1250, 1350);
        Assert.InRange(prom, 2200, 2300);
        Assert.InRange(loki, 85, 100);
        Assert.True(targets >= prom + loki);
        Assert.Contains(dashboards, d => d.SchemaVersion == 1);
        Assert.Contains(dashboards, d => d.SchemaVersion == 42);
    }

    [Fact]
    public void LegacyRowsDashboard_ReadsPanelsUnderRows()
    {
        var d = DashboardReader.ReadFile(Path.Combine(RepoPaths.Corpus, "dashboards", "loki__loki-chunks.json"));

        Assert.Contains(d.Panels, p => p.IsRow && p.Path == "rows[0]");
        Assert.Contains(d.Panels, p => p.Path == "rows[0].panels[0]" && p.Targets.Count > 0 && p.RowTitle is not null);
    }

    [Fact]
    public void WrappedExport_IsUnwrapped()
    {
        var d = DashboardReader.ReadFile(Path.Combine(RepoPaths.Corpus, "dashboards", "medianest__grafana-dashboards.json"));

        Assert.NotEmpty(d.Panels);
        Assert.All(d.Panels, p => Assert.StartsWith("dashboard.", p.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void LokiTargets_AreRecognisedInLogDashboards()
    {
        var d = DashboardReader.ReadFile(Path.Combine(RepoPaths.Corpus, "dashboards", "scanium__logs-explorer.json"));

        Assert.Contains(d.AllTargets(), t => t.Target.Kind == DatasourceKind.Loki);
    }
}
