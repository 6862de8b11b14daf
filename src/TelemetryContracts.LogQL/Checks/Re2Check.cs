using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace TelemetryContracts.LogQL.Checks;

/// <summary>
/// Checks RE2 (Go regexp) syntax with .NET's engine after translating the RE2-only forms and rejecting the
/// .NET-only ones (lookaround, backreferences, atomic groups), which RE2 refuses.
/// </summary>
internal static class Re2Check
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Null when <paramref name="pattern"/> compiles under RE2 rules, else Go's error text.</summary>
    public static string? Validate(string pattern) => TryTranslate(pattern, out _, out var error) ? null : error;

    /// <summary>Named capture groups, in order; null when the pattern does not compile.</summary>
    public static IReadOnlyList<string>? NamedGroups(string pattern)
    {
        if (!TryTranslate(pattern, out var regex, out _)) return null;
        return regex!.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToList();
    }

    /// <summary>True when the anchored pattern matches the empty string (Loki's "empty-compatible" matcher).</summary>
    public static bool MatchesEmpty(string pattern)
    {
        if (!TryTranslate("^(?:" + pattern + ")$", out var regex, out _)) return false;
        try
        {
            return regex!.IsMatch("");
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // Dashboards repeat the same few regexes; constructing a .NET Regex costs tens of microseconds.
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string Error)> Cache = new(StringComparer.Ordinal);

    private static bool TryTranslate(string pattern, out Regex? regex, out string error)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            (regex, error) = cached;
            return regex is not null;
        }
        var ok = TryTranslateUncached(pattern, out regex, out error);
        if (Cache.Count < 4096) Cache.TryAdd(pattern, (regex, error));
        return ok;
    }

    private static bool TryTranslateUncached(string pattern, out Regex? regex, out string error)
    {
        regex = null;
        error = "";
        var sb = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var n = pattern[i + 1];
                if (char.IsAsciiDigit(n) && n != '0')
                {
                    error = $"error parsing regexp: invalid escape sequence: `\\{n}`";
                    return false;
                }
                if (n == 'Q')
                {
                    var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                    var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
                    sb.Append(Regex.Escape(literal));
                    i = end < 0 ? pattern.Length : end + 1;
                    continue;
                }
                if (n is 'k' or 'Z' or 'G' or 'e' or 'c')
                {
                    error = $"error parsing regexp: invalid escape sequence: `\\{n}`";
                    return false;
                }
                sb.Append(c).Append(n);
                i++;
                continue;
            }
            if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?')
            {
                var rest = pattern.AsSpan(i + 2);
                if (rest.StartsWith("P<"))
                {
                    sb.Append("(?<");
                    i += 3;
                    continue;
                }
                if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!") || rest.StartsWith(">") || rest.StartsWith("'") || rest.StartsWith("#"))
                {
                    error = $"error parsing regexp: invalid or unsupported Perl syntax: `{pattern.Substring(i, Math.Min(3, pattern.Length - i))}`";
                    return false;
                }
            }
            sb.Append(c);
        }
        try
        {
            regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant, Timeout);
            return true;
        }
        catch (ArgumentException ex)
        {
            error = "error parsing regexp: " + ShortReason(ex.Message) + ": `" + pattern + "`";
            return false;
        }
    }

    private static string ShortReason(string message)
    {
        // .NET: "Invalid pattern '(' at offset 1. Not enough )'s." -> "not enough )'s"
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        var reason = dot >= 0 ? message[(dot + 2)..] : message;
        return reason.TrimEnd('.').ToLowerInvariant() switch
        {
            var r when r.Contains("not enough )") => "missing closing )",
            var r when r.Contains("too many )") => "unexpected )",
            var r => r,
        };
    }
}
