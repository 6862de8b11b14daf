using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary>One field of a log stream (map form).</summary>
[Description("A JSON field of the log line.")]
public sealed class LogFieldDocument
{
    /// <summary>Label reference.</summary>
    [JsonProperty("label")]
    [Description("A declared label whose type and values the field shares.")]
    public string? Label { get; set; }

    /// <summary>Description.</summary>
    [JsonProperty("description")]
    [Description("What the field holds.")]
    public string? Description { get; set; }
}
