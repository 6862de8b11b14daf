using System.Globalization;

namespace TelemetryContracts.LogQL.Checks;

/// <summary>Byte sizes as go-humanize parses and prints them (Loki uses it for bytes filters).</summary>
internal static class HumanizeBytes
{
    private static readonly Dictionary<string, ulong> Units = new(StringComparer.Ordinal)
    {
        [""] = 1, ["b"] = 1,
        ["k"] = 1000, ["kb"] = 1000, ["ki"] = 1024, ["kib"] = 1024,
        ["m"] = 1000_000, ["mb"] = 1000_000, ["mi"] = 1UL << 20, ["mib"] = 1UL << 20,
        ["g"] = 1000_000_000, ["gb"] = 1000_000_000, ["gi"] = 1UL << 30, ["gib"] = 1UL << 30,
        ["t"] = 1000_000_000_000, ["tb"] = 1000_000_000_000, ["ti"] = 1UL << 40, ["tib"] = 1UL << 40,
        ["p"] = 1000_000_000_000_000, ["pb"] = 1000_000_000_000_000, ["pi"] = 1UL << 50, ["pib"] = 1UL << 50,
    };

    /// <summary>humanize.ParseBytes: number, optional spaces, case-insensitive unit.</summary>
    public static bool TryParse(string s, out ulong bytes)
    {
        bytes = 0;
        var pos = 0;
        while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.')) pos++;
        if (pos == 0) return false;
        if (!decimal.TryParse(s.AsSpan(0, pos), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
        var unit = s[pos..].Trim().ToLowerInvariant();
        if (!Units.TryGetValue(unit, out var mult)) return false;
        var total = number * mult;
        if (total > ulong.MaxValue) return false;
        bytes = (ulong)total;
        return true;
    }

    /// <summary>humanize.Bytes without spaces, as Loki prints bytes filters (<c>20kB</c>, <c>1.0MB</c>);
    /// falls back to exact bytes (<c>1024B</c>) where humanize would round, so that printing never loses information.</summary>
    public static string Format(ulong bytes)
    {
        var text = HumanizeForm(bytes);
        return TryParse(text, out var back) && back == bytes ? text : bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    private static string HumanizeForm(ulong bytes)
    {
        if (bytes < 10) return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        string[] sizes = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        var e = Math.Floor(Math.Log(bytes) / Math.Log(1000));
        var suffix = sizes[(int)e];
        var val = Math.Floor(bytes / Math.Pow(1000, e) * 10 + 0.5) / 10;
        var format = val < 10 ? "0.0" : "0";
        return val.ToString(format, CultureInfo.InvariantCulture) + suffix;
    }
}
