namespace TelemetryContracts.Checks.Http;

/// <summary>
/// Where one backend lives and how to authenticate. Credentials are held here only to be sent; they never
/// reach evidence, messages or exceptions (<see cref="SecretRedactor"/> scrubs anything that might echo them).
/// </summary>
public sealed record BackendEndpoint
{
    /// <summary>Which link of the pipeline this is.</summary>
    public required BackendKind Kind { get; init; }

    /// <summary>The base URL (for the metrics endpoint: the full URL of the scrape path). Never with user info.</summary>
    public required Uri Url { get; init; }

    /// <summary>Bearer token (Authorization: Bearer), or null.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Basic-auth user name, or null.</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>The tenant sent as <c>X-Scope-OrgID</c> (Mimir, Loki in multi-tenant mode), or null.</summary>
    public string? Tenant { get; init; }

    /// <summary>True when a token or password is configured.</summary>
    public bool HasCredentials => BearerToken is { Length: > 0 } || Password is { Length: > 0 };

    /// <summary>The name used in messages: "The metrics endpoint", "Prometheus", "Loki", "Grafana".</summary>
    public string DisplayName => Kind switch
    {
        BackendKind.MetricsEndpoint => "The metrics endpoint",
        BackendKind.Prometheus => "Prometheus",
        BackendKind.Loki => "Loki",
        _ => "Grafana",
    };

    /// <summary>An absolute URL below <see cref="Url"/>: <paramref name="relative"/> is appended to the base path, so a
    /// <c>/prometheus</c> prefix (Mimir, VictoriaMetrics) is kept.</summary>
    public Uri Resolve(string relative)
    {
        var b = Url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(b + (relative.StartsWith('/') ? relative : "/" + relative));
    }

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} {Url}";
}
