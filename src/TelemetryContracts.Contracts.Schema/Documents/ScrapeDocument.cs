using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary><c>scrape</c>.</summary>
[Description("How Prometheus scrapes the service.")]
public sealed class ScrapeDocument
{
    /// <summary>Job.</summary>
    [JsonProperty("job")]
    [Description("The Prometheus job label (defaults to the service name).")]
    public string? Job { get; set; }

    /// <summary>Port.</summary>
    [JsonProperty("port", Required = Newtonsoft.Json.Required.Always)]
    [Description("The port serving the metrics path.")]
    [System.ComponentModel.DataAnnotations.Range(1, 65535)]
    public int Port { get; set; }

    /// <summary>Path.</summary>
    [JsonProperty("path")]
    [Description("The metrics path (default /metrics).")]
    public string? Path { get; set; }

    /// <summary>Scheme.</summary>
    [JsonProperty("scheme")]
    [Description("http (default) or https.")]
    public string? Scheme { get; set; }

    /// <summary>Host.</summary>
    [JsonProperty("host")]
    [Description("The host name the scraper reaches the service by (e.g. its Compose service name); defaults to the service name.")]
    public string? Host { get; set; }

    /// <summary>Interval.</summary>
    [JsonProperty("interval")]
    [Description("Scrape interval as a Prometheus duration, e.g. 15s.")]
    public string? Interval { get; set; }

    /// <summary>Auth.</summary>
    [JsonProperty("auth")]
    [Description("none, or a map naming where the secret comes from (never the secret itself).")]
    public ScrapeAuthDocument? Auth { get; set; }
}
