using System.ComponentModel;
using Newtonsoft.Json;

namespace TelemetryContracts.Contracts.Schema.Documents;

/// <summary><c>scrape.auth</c> in its map form.</summary>
[Description("Authentication the scraper sends; secrets are named by source (environment variable or file), never written here.")]
public sealed class ScrapeAuthDocument
{
    /// <summary>Type.</summary>
    [JsonProperty("type", Required = Newtonsoft.Json.Required.Always)]
    [Description("none, bearer or basic.")]
    public string Type { get; set; } = "";

    /// <summary>Token env.</summary>
    [JsonProperty("token_env")]
    [Description("Environment variable holding the bearer token.")]
    public string? TokenEnv { get; set; }

    /// <summary>Token file.</summary>
    [JsonProperty("token_file")]
    [Description("File holding the bearer token (Prometheus credentials_file).")]
    public string? TokenFile { get; set; }

    /// <summary>User name.</summary>
    [JsonProperty("username")]
    [Description("Basic-auth user name.")]
    public string? Username { get; set; }

    /// <summary>Password env.</summary>
    [JsonProperty("password_env")]
    [Description("Environment variable holding the basic-auth password.")]
    public string? PasswordEnv { get; set; }

    /// <summary>Password file.</summary>
    [JsonProperty("password_file")]
    [Description("File holding the basic-auth password (Prometheus password_file).")]
    public string? PasswordFile { get; set; }
}
