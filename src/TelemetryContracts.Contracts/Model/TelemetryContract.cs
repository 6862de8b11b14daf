namespace TelemetryContracts.Contracts;

/// <summary>
/// One service's telemetry contract: the single source of truth for its metric names, labels, log
/// streams, scrape settings and SLOs. Bound from a <c>*.telemetry.yaml</c> or <c>*.telemetry.json</c> file.
/// </summary>
public sealed record TelemetryContract : ModelElement
{
    /// <summary>The file it was read from, as given.</summary>
    public string FilePath { get; init; } = "";

    /// <summary>The service name (DNS-label-like, e.g. <c>scanium-backend</c>).</summary>
    public string Service { get; init; } = "";

    /// <summary>The metric name prefix (e.g. <c>scanium</c>); empty when metric names are used as declared.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>What the service is.</summary>
    public string? Description { get; init; }

    /// <summary>How Prometheus scrapes the service; null when the service exports no metrics.</summary>
    public ScrapeConfig? Scrape { get; init; }

    /// <summary>Shared label definitions, in declared order.</summary>
    public IReadOnlyList<LabelDefinition> Labels { get; init; } = Array.Empty<LabelDefinition>();

    /// <summary>Metrics, in declared order.</summary>
    public IReadOnlyList<MetricDefinition> Metrics { get; init; } = Array.Empty<MetricDefinition>();

    /// <summary>Log streams, in declared order.</summary>
    public IReadOnlyList<LogStreamDefinition> Logs { get; init; } = Array.Empty<LogStreamDefinition>();

    /// <summary>SLOs, in declared order.</summary>
    public IReadOnlyList<SloDefinition> Slos { get; init; } = Array.Empty<SloDefinition>();

    /// <summary>The label definition with the given name, or null.</summary>
    public LabelDefinition? FindLabel(string name) => Labels.FirstOrDefault(l => l.Name == name);

    /// <summary>The metric with the given declared or full name, or null.</summary>
    public MetricDefinition? FindMetric(string name) => Metrics.FirstOrDefault(m => m.Name == name || m.FullName == name);

    /// <summary>The job name Prometheus uses (scrape job, or the service name).</summary>
    public string Job => Scrape?.Job is { Length: > 0 } j ? j : Service;
}
