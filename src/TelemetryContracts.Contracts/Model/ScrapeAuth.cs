namespace TelemetryContracts.Contracts;

/// <summary>
/// The authentication the scraper must send. The contract names where the secret comes from (an
/// environment variable or a file), never the secret itself.
/// </summary>
public sealed record ScrapeAuth : ModelElement
{
    /// <summary>No authentication.</summary>
    public static ScrapeAuth None { get; } = new();

    /// <summary>none, bearer or basic.</summary>
    public AuthType Type { get; init; }

    /// <summary>Environment variable holding the bearer token (bearer).</summary>
    public string? TokenEnv { get; init; }

    /// <summary>File holding the bearer token, as Prometheus' <c>credentials_file</c> (bearer).</summary>
    public string? TokenFile { get; init; }

    /// <summary>User name (basic).</summary>
    public string? Username { get; init; }

    /// <summary>Environment variable holding the password (basic).</summary>
    public string? PasswordEnv { get; init; }

    /// <summary>File holding the password, as Prometheus' <c>password_file</c> (basic).</summary>
    public string? PasswordFile { get; init; }
}
