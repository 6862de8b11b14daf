namespace TelemetryContracts.Runtime;

/// <summary>
/// Optional protection of a metrics endpoint: a bearer token, HTTP basic credentials, or both (either is accepted).
/// Nothing set means no authentication.
/// </summary>
public sealed class ScrapeAuthOptions
{
    /// <summary>The token Prometheus sends as <c>Authorization: Bearer &lt;token&gt;</c> (scrape config <c>authorization.credentials</c>).</summary>
    public string? BearerToken { get; set; }

    /// <summary>Basic auth user name (scrape config <c>basic_auth.username</c>).</summary>
    public string? BasicUsername { get; set; }

    /// <summary>Basic auth password.</summary>
    public string? BasicPassword { get; set; }

    /// <summary>The realm named in <c>WWW-Authenticate</c>.</summary>
    public string Realm { get; set; } = "metrics";

    /// <summary>Never shows the secrets, so logging the options object cannot leak them.</summary>
    public override string ToString() =>
        $"ScrapeAuthOptions {{ Bearer = {(BearerToken is null ? "off" : "***")}, Basic = {(BasicUsername is null ? "off" : "***")} }}";
}
