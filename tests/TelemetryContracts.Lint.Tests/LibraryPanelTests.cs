using TelemetryContracts.Dashboards;

namespace TelemetryContracts.Lint.Tests;

public class LibraryPanelTests
{
    [Fact]
    public void GivenLibraryPanelExport_ItsQueriesAreChecked()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lib-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {"result": {"uid": "lib-1", "name": "Latency", "kind": 1,
              "model": {"type": "timeseries", "title": "Latency", "datasource": {"type": "prometheus", "uid": "telemetry-prometheus"},
                        "targets": [{"refId": "A", "expr": "histogram_quantile(0.95, rate(scanium_http_request_duration_ms_sum[5m]))"}]}}}
            """);
        try
        {
            var library = DashboardReader.ReadLibraryPanel(file);
            var dashboard = DashboardReader.Read("d.json", """{"panels": [{"id": 3, "title": "Latency", "libraryPanel": {"uid": "lib-1", "name": "Latency"}}]}""");
            var options = new LintOptions { LibraryPanels = new Dictionary<string, Dashboards.Model.Panel> { ["lib-1"] = library.Panels[0] } };

            var findings = new DashboardLinter(ScaniumContracts.Index, options).Lint(dashboard).Findings;

            Assert.Equal("lib-1", library.Uid);
            Assert.Equal("TC6055", Assert.Single(findings).Id);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
