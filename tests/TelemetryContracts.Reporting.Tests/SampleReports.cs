using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Reporting.Tests;

/// <summary>Reports shaped like the main job's: one where the scanium-backend contract holds, one with the wrong-port incident.</summary>
internal static class SampleReports
{
    public static PipelineReport Holding() => new()
    {
        Service = "scanium-backend",
        ContractFile = "contracts/scanium/scanium-backend.telemetry.yaml",
        GeneratedAt = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
        MetricsPipeline = new[]
        {
            new PipelineStage("service", "Service", StageStatus.Ok, "scanium-backend on 127.0.0.1:5080"),
            new PipelineStage("metrics-endpoint", "/metrics", StageStatus.Ok, "5 families, 212 series", "GET http://127.0.0.1:5080/metrics → 200 (text/plain; version=0.0.4)"),
            new PipelineStage("scrape", "Scrape", StageStatus.Ok, "job scanium-backend up"),
            new PipelineStage("tsdb", "Prometheus", StageStatus.Ok, "5/5 metrics have series"),
            new PipelineStage("datasource", "Datasource", StageStatus.NotChecked, "no Grafana configured"),
            new PipelineStage("panels", "Panels", StageStatus.Ok, "23/23 queries return data"),
        },
        LogsPipeline = new[]
        {
            new PipelineStage("service-logs", "Service logs", StageStatus.Ok, "JSON lines with source, env"),
            new PipelineStage("collector", "Collector", StageStatus.NotChecked, "generated Alloy config"),
            new PipelineStage("loki", "Loki", StageStatus.NotChecked, "no Loki configured"),
            new PipelineStage("log-panels", "Panels", StageStatus.NotChecked, "2 log panels"),
        },
        Metrics = new[]
        {
            new MetricRow("scanium_http_requests_total", "counter", new[] { "service_name", "env", "method", "route", "status_code" }, 14, StageStatus.Ok, new[] { 0.0, 1.5, 3.2, 2.9, 4.1 }),
            new MetricRow("scanium_http_request_duration_ms", "histogram", new[] { "service_name", "env", "method", "route" }, 120, StageStatus.Ok, new[] { 12.0, 40, 33, 35 }),
            new MetricRow("scanium_classification_queue_depth", "gauge", new[] { "env" }, 1, StageStatus.Ok, new[] { 3.0, 5, 2 }),
        },
        Panels = new[]
        {
            new PanelRow("Scanium backend", "Requests per second", "A", "sum by (route) (rate(scanium_http_requests_total[1m]))", "prometheus", 6, StageStatus.Ok),
            new PanelRow("Scanium backend", "p95 latency", "A", "histogram_quantile(0.95, sum by (le) (rate(scanium_http_request_duration_ms_bucket[1m])))", "prometheus", 1, StageStatus.Ok),
        },
        Findings = new[]
        {
            RuleCatalog.NonBaseUnit.At(FindingLocation.InFile("contracts/scanium/scanium-backend.telemetry.yaml", new SourceSpan(new SourcePosition(33, 11, 0), new SourcePosition(33, 23, 0))),
                "http_request_duration_ms", "the abbreviation '_ms' for milliseconds", "seconds"),
        },
        Artifacts = new[] { "telemetry/dashboards/scanium-backend.json", "report.json" },
    };

    public static PipelineReport WrongPort() => Holding() with
    {
        FirstBrokenLink = "Prometheus cannot scrape scanium-backend: connection refused on 127.0.0.1:3001 (wrong port or service down).",
        MetricsPipeline = new[]
        {
            new PipelineStage("service", "Service", StageStatus.Ok, "scanium-backend on 127.0.0.1:5080"),
            new PipelineStage("metrics-endpoint", "/metrics", StageStatus.Ok, "5 families"),
            new PipelineStage("scrape", "Scrape", StageStatus.Failed, "target down: connection refused", "GET /api/v1/targets → lastError: dial tcp 127.0.0.1:3001: connect: connection refused"),
            new PipelineStage("tsdb", "Prometheus", StageStatus.NotChecked, "depends on the scrape"),
            new PipelineStage("datasource", "Datasource", StageStatus.NotChecked, "no Grafana configured"),
            new PipelineStage("panels", "Panels", StageStatus.Failed, "0/23 queries return data"),
        },
        Metrics = Holding().Metrics.Select(m => m with { SeriesCount = 0, Status = StageStatus.Failed, Samples = Array.Empty<double>(), Note = "no series for job scanium-backend" }).ToList(),
        Findings = new[]
        {
            new Finding("TC5010", Severity.Error, "The scrape target for job 'scanium-backend' is down: connection refused.", FindingLocation.AtUrl("http://127.0.0.1:9090/api/v1/targets"), "Point the scrape config at the port the service listens on (8080 in the contract).")
                .WithEvidence("lastError: dial tcp 127.0.0.1:3001: connect: connection refused <script>alert(1)</script>"),
        },
    };
}
