using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary>One entry of <c>logs</c>.</summary>
[Description("A Loki log stream the service writes.")]
public sealed class LogStreamDocument
{
    /// <summary>Stream labels.</summary>
    [JsonProperty("stream", Required = Newtonsoft.Json.Required.Always)]
    [Description("Loki stream labels: a fixed value, or $label referring to a closed or bounded label.")]
    public Dictionary<string, string> Stream { get; set; } = new();

    /// <summary>Levels.</summary>
    [JsonProperty("levels")]
    [Description("The levels the service writes (default DEBUG, INFO, WARN, ERROR).")]
    public List<string>? Levels { get; set; }

    /// <summary>Level key.</summary>
    [JsonProperty("level_field")]
    [Description("The JSON key holding the level (default level).")]
    public string? LevelField { get; set; }

    /// <summary>Message key.</summary>
    [JsonProperty("message_field")]
    [Description("The JSON key holding the message (default msg).")]
    public string? MessageField { get; set; }

    /// <summary>Fields.</summary>
    [JsonProperty("fields")]
    [Description("The JSON fields each line carries: a list of names, or a map of names to { label, description }.")]
    public Dictionary<string, LogFieldDocument>? Fields { get; set; }

    /// <summary>Description.</summary>
    [JsonProperty("description")]
    [Description("What the stream carries.")]
    public string? Description { get; set; }
}
