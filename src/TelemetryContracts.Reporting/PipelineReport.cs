using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Reporting;

/// <summary>Everything a contract check established about one service's telemetry pipeline.</summary>
public sealed record PipelineReport
{
    /// <summary>The service the contract describes.</summary>
    public string Service { get; init; } = "";

    /// <summary>The contract file.</summary>
    public string ContractFile { get; init; } = "";

    /// <summary>When the report was made (UTC).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>True when no finding is an error.</summary>
    public bool Holds => !Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>service → /metrics → scrape → Prometheus → datasource → panels.</summary>
    public IReadOnlyList<PipelineStage> MetricsPipeline { get; init; } = Array.Empty<PipelineStage>();

    /// <summary>service logs → collector → Loki → panels.</summary>
    public IReadOnlyList<PipelineStage> LogsPipeline { get; init; } = Array.Empty<PipelineStage>();

    /// <summary>One row per declared metric.</summary>
    public IReadOnlyList<MetricRow> Metrics { get; init; } = Array.Empty<MetricRow>();

    /// <summary>One row per query of every generated panel.</summary>
    public IReadOnlyList<PanelRow> Panels { get; init; } = Array.Empty<PanelRow>();

    /// <summary>Every finding, first broken link first.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = Array.Empty<Finding>();

    /// <summary>Files written by the run (generated dashboards, configs, reports), relative to the output folder.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = Array.Empty<string>();

    /// <summary>The first broken link in plain words, or null when the pipeline holds.</summary>
    public string? FirstBrokenLink { get; init; }
}
