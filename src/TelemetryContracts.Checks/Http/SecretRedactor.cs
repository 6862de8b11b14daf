namespace TelemetryContracts.Checks.Http;

/// <summary>
/// Replaces every known secret in a text with <c>***</c>. Applied to every finding before it leaves the checks,
/// because a server may echo a token back (an error page quoting the Authorization header, a URL with user info).
/// </summary>
public sealed class SecretRedactor
{
    private readonly string[] secrets;

    /// <summary>A redactor for the given secrets (empty and very short values are ignored: redacting "a" would garble text).</summary>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        this.secrets = secrets
            .Where(s => s is { Length: >= 4 })
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor for every token, password and basic-auth header value of <paramref name="endpoints"/>.</summary>
    public static SecretRedactor For(IEnumerable<BackendEndpoint?> endpoints, IEnumerable<string?>? more = null)
    {
        var list = new List<string?>(more ?? Array.Empty<string?>());
        foreach (var e in endpoints)
        {
            if (e is null)
            {
                continue;
            }

            list.Add(e.BearerToken);
            list.Add(e.Password);
            if (e.Password is { Length: > 0 })
            {
                list.Add(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((e.Username ?? "") + ":" + e.Password)));
            }
        }

        return new SecretRedactor(list);
    }

    /// <summary>The text with every secret, and its common encodings, replaced.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || secrets.Length == 0)
        {
            return text;
        }

        foreach (var s in secrets)
        {
            text = text.Replace(s, "***", StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(s);
            if (escaped != s)
            {
                text = text.Replace(escaped, "***", StringComparison.OrdinalIgnoreCase);
            }

            var b64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s));
            text = text.Replace(b64, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
