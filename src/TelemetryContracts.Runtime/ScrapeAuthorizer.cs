using System.Security.Cryptography;
using System.Text;

namespace TelemetryContracts.Runtime;

/// <summary>
/// Checks a scrape's <c>Authorization</c> header against <see cref="ScrapeAuthOptions"/>. Secrets are compared as
/// SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the content nor the length
/// of the expected token leaks through response timing; the secrets themselves are never kept as strings here.
/// </summary>
public sealed class ScrapeAuthorizer
{
    private readonly byte[]? bearerDigest;
    private readonly byte[]? basicDigest;

    /// <summary>Creates the authorizer; an option object with neither token nor credentials allows everything.</summary>
    public ScrapeAuthorizer(ScrapeAuthOptions? options)
    {
        if (options?.BearerToken is { Length: > 0 } token)
        {
            bearerDigest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }

        if (options?.BasicUsername is { Length: > 0 } user)
        {
            basicDigest = SHA256.HashData(Encoding.UTF8.GetBytes(user + ":" + (options.BasicPassword ?? string.Empty)));
        }

        var realm = (options?.Realm ?? "metrics").Replace("\"", string.Empty, StringComparison.Ordinal);
        var challenges = new List<string>();
        if (bearerDigest is not null)
        {
            challenges.Add($"Bearer realm=\"{realm}\"");
        }

        if (basicDigest is not null)
        {
            challenges.Add($"Basic realm=\"{realm}\", charset=\"UTF-8\"");
        }

        Challenges = challenges;
    }

    /// <summary>True when the endpoint requires credentials.</summary>
    public bool IsEnabled => bearerDigest is not null || basicDigest is not null;

    /// <summary>The <c>WWW-Authenticate</c> values to send with a 401 (one per accepted scheme).</summary>
    public IReadOnlyList<string> Challenges { get; }

    /// <summary>True when the header carries an accepted credential (or no authentication is configured).</summary>
    public bool IsAuthorized(string? authorizationHeader)
    {
        if (!IsEnabled)
        {
            return true;
        }

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return false;
        }

        var header = authorizationHeader.AsSpan().Trim();
        var space = header.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var scheme = header[..space];
        var credential = header[(space + 1)..].Trim();
        if (bearerDigest is not null && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Matches(bearerDigest, credential, decodeBase64: false);
        }

        if (basicDigest is not null && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Matches(basicDigest, credential, decodeBase64: true);
        }

        return false;
    }

    private static bool Matches(byte[] expectedDigest, ReadOnlySpan<char> credential, bool decodeBase64)
    {
        if (credential.Length > 4096)
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[credential.Length * 3];
        int length;
        if (decodeBase64)
        {
            if (!Convert.TryFromBase64Chars(credential, raw, out length))
            {
                return false;
            }
        }
        else
        {
            length = Encoding.UTF8.GetBytes(credential, raw);
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(raw[..length], digest);
        raw.Clear();
        return CryptographicOperations.FixedTimeEquals(digest, expectedDigest);
    }
}
