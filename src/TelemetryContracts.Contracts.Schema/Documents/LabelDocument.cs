using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary>One entry of <c>labels</c>.</summary>
[Description("A label: a closed set of values (an enum in the generated API) or an open set bounded by max_values.")]
public sealed class LabelDocument
{
    /// <summary>Type.</summary>
    [JsonProperty("type")]
    [Description("string (default), int or bool.")]
    public string? Type { get; set; }

    /// <summary>Values.</summary>
    [JsonProperty("values")]
    [Description("The closed set of values, in order.")]
    public List<string>? Values { get; set; }

    /// <summary>Bound.</summary>
    [JsonProperty("max_values")]
    [Description("The bound on distinct values of an open set.")]
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int? MaxValues { get; set; }

    /// <summary>Description.</summary>
    [JsonProperty("description")]
    [Description("What the label means.")]
    public string? Description { get; set; }
}
