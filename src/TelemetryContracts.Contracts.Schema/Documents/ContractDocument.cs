using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary>The top level of a contract file.</summary>
[Description("A telemetry contract: one service's metric names, labels, log streams, scrape settings and SLOs.")]
public sealed class ContractDocument
{
    /// <summary>JSON files may name their schema.</summary>
    [JsonProperty("$schema")]
    [Description("The schema this file follows (JSON contracts only; YAML contracts use a '# yaml-language-server: $schema=' comment).")]
    public string? Schema { get; set; }

    /// <summary>Service name.</summary>
    [JsonProperty("service", Required = Newtonsoft.Json.Required.Always)]
    [Description("The service name, as a DNS label (lower-case letters, digits, '-'): it names the scrape job and the log streams.")]
    public string Service { get; set; } = "";

    /// <summary>Metric prefix.</summary>
    [JsonProperty("namespace")]
    [Description("Prefix of every exported metric name: namespace_name.")]
    public string? Namespace { get; set; }

    /// <summary>Free text.</summary>
    [JsonProperty("description")]
    [Description("What the service is.")]
    public string? Description { get; set; }

    /// <summary>Scrape settings.</summary>
    [JsonProperty("scrape")]
    [Description("How Prometheus scrapes the service.")]
    public ScrapeDocument? Scrape { get; set; }

    /// <summary>Label definitions.</summary>
    [JsonProperty("labels")]
    [Description("Labels shared by metrics, log streams and fields: their type and closed values or bound.")]
    public Dictionary<string, LabelDocument>? Labels { get; set; }

    /// <summary>Metric definitions.</summary>
    [JsonProperty("metrics")]
    [Description("Metrics by name (without the namespace prefix).")]
    public Dictionary<string, MetricDocument>? Metrics { get; set; }

    /// <summary>Log streams.</summary>
    [JsonProperty("logs")]
    [Description("Loki log streams by name.")]
    public Dictionary<string, LogStreamDocument>? Logs { get; set; }

    /// <summary>SLOs.</summary>
    [JsonProperty("slos")]
    [Description("Service level objectives on declared metrics, by name.")]
    public Dictionary<string, SloDocument>? Slos { get; set; }
}
