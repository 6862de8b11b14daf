namespace TelemetryContracts.Contracts.Validation;

/// <summary>Known units: the name suffix each one asks for, its abbreviations, and its base unit when it is not one.</summary>
public static class Units
{
    /// <summary>A known unit.</summary>
    public sealed record UnitInfo(string Name, string Suffix, string[] Abbreviations, string? BaseUnit, double ToBase);

    /// <summary>Every known unit by name.</summary>
    public static readonly IReadOnlyDictionary<string, UnitInfo> Known = new[]
    {
        new UnitInfo("seconds", "seconds", new[] { "sec", "secs" }, null, 1),
        new UnitInfo("milliseconds", "milliseconds", new[] { "ms", "millis", "msec" }, "seconds", 0.001),
        new UnitInfo("microseconds", "microseconds", new[] { "us", "micros", "usec" }, "seconds", 0.000001),
        new UnitInfo("nanoseconds", "nanoseconds", new[] { "ns", "nanos", "nsec" }, "seconds", 0.000000001),
        new UnitInfo("minutes", "minutes", new[] { "min", "mins" }, "seconds", 60),
        new UnitInfo("hours", "hours", Array.Empty<string>(), "seconds", 3600),
        new UnitInfo("bytes", "bytes", Array.Empty<string>(), null, 1),
        new UnitInfo("kilobytes", "kilobytes", new[] { "kb", "kib" }, "bytes", 1024),
        new UnitInfo("megabytes", "megabytes", new[] { "mb", "mib" }, "bytes", 1024 * 1024),
        new UnitInfo("gigabytes", "gigabytes", new[] { "gb", "gib" }, "bytes", 1024 * 1024 * 1024),
        new UnitInfo("bits", "bits", Array.Empty<string>(), "bytes", 0.125),
        new UnitInfo("ratio", "ratio", Array.Empty<string>(), null, 1),
        new UnitInfo("percent", "percent", new[] { "pct" }, "ratio", 0.01),
        new UnitInfo("celsius", "celsius", Array.Empty<string>(), null, 1),
        new UnitInfo("meters", "meters", Array.Empty<string>(), null, 1),
        new UnitInfo("volts", "volts", Array.Empty<string>(), null, 1),
        new UnitInfo("amperes", "amperes", Array.Empty<string>(), null, 1),
        new UnitInfo("joules", "joules", Array.Empty<string>(), null, 1),
        new UnitInfo("grams", "grams", Array.Empty<string>(), null, 1),
        new UnitInfo("hertz", "hertz", Array.Empty<string>(), null, 1),
    }.ToDictionary(u => u.Name, StringComparer.Ordinal);

    /// <summary>The known unit whose suffix or abbreviation ends <paramref name="baseName"/>, with the matched suffix.</summary>
    public static (UnitInfo Unit, string Suffix, bool Abbreviated)? FromSuffix(string baseName)
    {
        foreach (var u in Known.Values)
        {
            if (baseName.EndsWith("_" + u.Suffix, StringComparison.Ordinal))
            {
                return (u, u.Suffix, false);
            }
        }

        foreach (var u in Known.Values)
        {
            foreach (var a in u.Abbreviations)
            {
                if (baseName.EndsWith("_" + a, StringComparison.Ordinal))
                {
                    return (u, a, true);
                }
            }
        }

        return null;
    }
}
