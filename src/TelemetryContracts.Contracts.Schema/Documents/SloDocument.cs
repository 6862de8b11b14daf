using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary>One entry of <c>slos</c>.</summary>
[Description("A latency SLO (quantile + below, on a histogram) or an error-ratio SLO (errors + below, on a counter).")]
public sealed class SloDocument
{
    /// <summary>Metric.</summary>
    [JsonProperty("metric", Required = Newtonsoft.Json.Required.Always)]
    [Description("The declared metric (short or full name).")]
    public string Metric { get; set; } = "";

    /// <summary>Quantile.</summary>
    [JsonProperty("quantile")]
    [Description("Latency SLO: the quantile, e.g. 0.95.")]
    public double? Quantile { get; set; }

    /// <summary>Threshold.</summary>
    [JsonProperty("below", Required = Newtonsoft.Json.Required.Always)]
    [Description("Latency SLO: the threshold in the metric's unit (must be a bucket bound). Error SLO: the highest error ratio.")]
    public double Below { get; set; }

    /// <summary>Error matchers.</summary>
    [JsonProperty("errors")]
    [Description("Error-ratio SLO: label → regular expression selecting error events, e.g. { status_code: \"5..\" }.")]
    public Dictionary<string, string>? Errors { get; set; }

    /// <summary>Objective.</summary>
    [JsonProperty("objective")]
    [Description("Share of good events over the window, e.g. 0.99.")]
    public double? Objective { get; set; }

    /// <summary>Window.</summary>
    [JsonProperty("window")]
    [Description("SLO window as a Prometheus duration (default 30d).")]
    public string? Window { get; set; }

    /// <summary>Description.</summary>
    [JsonProperty("description")]
    [Description("What the SLO promises.")]
    public string? Description { get; set; }
}
