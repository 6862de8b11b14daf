using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary>One entry of <c>metrics</c>.</summary>
[Description("A metric the service exports.")]
public sealed class MetricDocument
{
    /// <summary>Type.</summary>
    [JsonProperty("type", Required = Newtonsoft.Json.Required.Always)]
    [Description("counter, gauge, updown_counter or histogram.")]
    public string Type { get; set; } = "";

    /// <summary>Help.</summary>
    [JsonProperty("help", Required = Newtonsoft.Json.Required.Always)]
    [Description("The HELP text: one sentence saying what is counted or measured.")]
    public string Help { get; set; } = "";

    /// <summary>Unit.</summary>
    [JsonProperty("unit")]
    [Description("The unit (base units: seconds, bytes, ratio); the name must end in it.")]
    public string? Unit { get; set; }

    /// <summary>Labels.</summary>
    [JsonProperty("labels")]
    [Description("Names of declared labels, in order.")]
    public List<string>? Labels { get; set; }

    /// <summary>Buckets.</summary>
    [JsonProperty("buckets")]
    [Description("Histogram bucket upper bounds, strictly increasing, without +Inf.")]
    public List<double>? Buckets { get; set; }

    /// <summary>Value type.</summary>
    [JsonProperty("value_type")]
    [Description("long or double in the generated API (counters and updown counters default to long).")]
    public string? ValueType { get; set; }

    /// <summary>Deprecated.</summary>
    [JsonProperty("deprecated")]
    [Description("true, or a sentence saying what replaces the metric.")]
    public string? Deprecated { get; set; }

    /// <summary>Old name.</summary>
    [JsonProperty("renamed_from")]
    [Description("The exported name the metric had before a rename.")]
    public string? RenamedFrom { get; set; }

    /// <summary>Required.</summary>
    [JsonProperty("required")]
    [Description("Whether the metric must always be present (an absent() alert guards it); default true.")]
    public bool? Required { get; set; }
}
