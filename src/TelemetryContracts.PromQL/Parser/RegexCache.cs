using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Compiles matcher regexes the way Prometheus anchors them (<c>^(?:re)$</c>), rejecting constructs that Go's RE2
/// refuses but .NET would accept (look-around, back-references, atomic groups), and caches them: the same few
/// regexes recur across dashboards and compiling dominates parse time otherwise.
/// </summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<string, (Regex? Regex, string? Error)> Cache = new(StringComparer.Ordinal);

    public static (Regex? Regex, string? Error) Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var hit)) { return hit; }
        var result = Compile(pattern);
        if (Cache.Count < 10_000) { Cache[pattern] = result; }
        return result;
    }

    private static (Regex?, string?) Compile(string pattern)
    {
        for (var i = 0; i < pattern.Length - 1; i++)
        {
            if (pattern[i] == '\\')
            {
                var n = pattern[i + 1];
                if (n is >= '1' and <= '9' || n == 'k')
                {
                    return (null, $"error parsing regexp: invalid escape sequence: `\\{n}`");
                }

                i++;
                continue;
            }

            if (pattern[i] == '(' && pattern[i + 1] == '?' && i + 2 < pattern.Length)
            {
                var c = pattern[i + 2];
                if (c is '=' or '!' or '>' || (c == '<' && i + 3 < pattern.Length && pattern[i + 3] is '=' or '!'))
                {
                    return (null, $"error parsing regexp: invalid or unsupported Perl syntax: `(?{c}`");
                }
            }
        }

        try
        {
            var net = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
            return (new Regex("^(?:" + net + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)), null);
        }
        catch (ArgumentException e)
        {
            return (null, "error parsing regexp: " + e.Message);
        }
    }
}
