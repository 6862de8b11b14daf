using TelemetryContracts.Contracts;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.Generation.Prometheus;

namespace TelemetryContracts.Generation.Tests;

/// <summary>Which panels and rules a contract gets, by metric type and contract shape.</summary>
public sealed class PanelSelectionTests
{
    private static readonly TelemetryContract Scanium = Contracts.All.Single(c => c.Service == "scanium-backend");

    [Fact]
    public void Counter_GetsARatePanel_AndAnErrorRatioWhenItHasAStatusLabel()
    {
        var panels = Panels("http_requests_total");
        Assert.Equal(new[] { "timeseries", "timeseries" }, panels.Select(p => p.Type));
        Assert.Contains("rate(scanium_http_requests_total{", panels[0].Targets[0].Expr, StringComparison.Ordinal);
        Assert.Contains("[$__rate_interval]", panels[0].Targets[0].Expr, StringComparison.Ordinal);
        Assert.Contains("status_code=~\"5..\"", panels[1].Targets[0].Expr, StringComparison.Ordinal);
        Assert.Equal("percentunit", panels[1].Unit);
        Assert.Equal("HTTP requests handled, by route and status code.", panels[0].Description);
    }

    [Fact]
    public void Histogram_GetsP50P95P99AndAHeatmap_InItsDeclaredUnit()
    {
        var panels = Panels("http_request_duration_ms");
        Assert.Equal(new[] { "timeseries", "heatmap" }, panels.Select(p => p.Type));
        Assert.Equal(new[] { "p50", "p95", "p99" }, panels[0].Targets.Select(t => t.LegendFormat));
        Assert.StartsWith("histogram_quantile(0.95, sum by (le) (rate(scanium_http_request_duration_ms_bucket{", panels[0].Targets[1].Expr, StringComparison.Ordinal);
        Assert.Equal("ms", panels[0].Unit);
        Assert.Equal("heatmap", panels[1].Targets[0].Format);
    }

    [Fact]
    public void GaugeAndUpDownCounter_AreShownAsValues_NeverRated()
    {
        Assert.Equal("stat", Panels("classification_queue_depth").Single().Type);
        var upDown = Panels("http_requests_in_flight").Single();
        Assert.DoesNotContain("rate(", upDown.Targets[0].Expr, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsOnlyContract_GetsNoScrapeHealthRow_AndNoAvailabilityAlerts()
    {
        var mobile = Contracts.All.Single(c => c.Service == "scanium-mobile");
        Assert.Null(mobile.Scrape);
        var dashboard = DashboardEmitter.Build(mobile, new GenerationOptions());
        Assert.DoesNotContain(dashboard.Rows, r => r.Title == "Scrape health");
        Assert.All(dashboard.Panels, p => Assert.Equal(DatasourceKind.Loki, p.Datasource));
        Assert.Contains("groups: []\n", RulesEmitter.Emit(mobile, new GenerationOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public void DeprecatedMetric_GetsNoPanelAndNoAbsentAlert()
    {
        var metric = Scanium.Metrics.First(m => m.Name == "items_scanned_total");
        var contract = Scanium with { Metrics = Scanium.Metrics.Select(m => m == metric ? m with { Deprecated = "use items_classified_total" } : m).ToList() };
        Assert.DoesNotContain(DashboardEmitter.Build(contract, new GenerationOptions()).Panels, p => p.Source == "metric:items_scanned_total");
        Assert.DoesNotContain("absent(scanium_items_scanned_total", RulesEmitter.Emit(contract, new GenerationOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMetricQuery_FiltersOnTheJobTheScrapeConfigSets()
    {
        var dashboard = DashboardEmitter.Build(Scanium, new GenerationOptions());
        foreach (var target in dashboard.Panels.Where(p => p.Datasource == DatasourceKind.Prometheus && !p.Source.StartsWith("slo:", StringComparison.Ordinal)).SelectMany(p => p.Targets))
        {
            Assert.Contains("job=\"scanium-backend\"", target.Expr, StringComparison.Ordinal);
        }

        Assert.Contains("  - job_name: scanium-backend\n", ScrapeConfigEmitter.Emit(new[] { Scanium }, new GenerationOptions()), StringComparison.Ordinal);
    }

    private static List<GeneratedPanel> Panels(string metric) =>
        DashboardEmitter.Build(Scanium, new GenerationOptions()).Panels.Where(p => p.Source == "metric:" + metric).ToList();
}
