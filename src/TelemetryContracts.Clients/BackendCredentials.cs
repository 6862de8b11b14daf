using System.Net.Http.Headers;
using System.Text;

namespace TelemetryContracts.Clients;

/// <summary>
/// A bearer token (Grafana service-account token, Mimir/VictoriaMetrics gateway token) or basic-auth user and password.
/// The secret is write-only: no property returns it and <see cref="ToString"/> redacts it, so it cannot leak into
/// logs, findings or exception messages.
/// </summary>
public sealed class BackendCredentials
{
    private readonly string scheme;
    private readonly string parameter;
    private readonly string[] secrets;

    private BackendCredentials(string scheme, string parameter, string? user, string[] secrets)
    {
        this.scheme = scheme;
        this.parameter = parameter;
        this.secrets = secrets;
        User = user;
    }

    /// <summary>The basic-auth user name (not secret); null for a bearer token.</summary>
    public string? User { get; }

    /// <summary>A bearer token sent as <c>Authorization: Bearer …</c>.</summary>
    public static BackendCredentials Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new BackendCredentials("Bearer", token, null, new[] { token });
    }

    /// <summary>Basic authentication sent as <c>Authorization: Basic …</c>.</summary>
    public static BackendCredentials Basic(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        return new BackendCredentials("Basic", encoded, user, new[] { password, encoded });
    }

    internal AuthenticationHeaderValue Header => new(scheme, parameter);

    /// <summary>Replaces every secret in <paramref name="text"/> by <c>***</c> (servers may echo headers back in error bodies).</summary>
    internal string Redact(string text)
    {
        foreach (var s in secrets)
        {
            if (s.Length > 0)
            {
                text = text.Replace(s, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <inheritdoc />
    public override string ToString() => User is null ? $"{scheme} (token redacted)" : $"{scheme} user={User} (password redacted)";
}
