using System.Net;

namespace TelemetryContracts.LogQL.Checks;

/// <summary>Loki's ip() patterns: a single address, a CIDR, or a range <c>a-b</c> of the same family.</summary>
internal static class IpPatternCheck
{
    /// <summary>True when Loki accepts <paramref name="pattern"/>.</summary>
    public static bool IsValid(string pattern)
    {
        if (pattern.Contains('/')) return IPNetwork.TryParse(pattern, out _);
        var dash = pattern.IndexOf('-');
        if (dash >= 0)
        {
            return IPAddress.TryParse(pattern[..dash], out var a) && IPAddress.TryParse(pattern[(dash + 1)..], out var b)
                && a.AddressFamily == b.AddressFamily && IsStrict(pattern[..dash]) && IsStrict(pattern[(dash + 1)..]);
        }
        return IPAddress.TryParse(pattern, out _) && IsStrict(pattern);
    }

    // .NET accepts "1" or "1.2" as IPv4 shorthand; Go's netip does not.
    private static bool IsStrict(string s) => s.Contains(':') || s.Count(c => c == '.') == 3;
}
