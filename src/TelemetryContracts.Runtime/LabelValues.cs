using System.Globalization;

namespace TelemetryContracts.Runtime;

/// <summary>
/// Cached strings for typed label values, so that an <c>int</c> status code or a <c>bool</c> becomes a label value
/// without allocating on every request.
/// </summary>
public static class LabelValues
{
    private const int CacheSize = 1024;
    private static readonly string?[] Small = new string?[CacheSize];

    /// <summary>The invariant decimal text of <paramref name="value"/>; cached for 0..1023 (covers HTTP status codes).</summary>
    public static string Int32(int value)
    {
        if ((uint)value < CacheSize)
        {
            // A benign race: two threads may both create the string; either instance is correct.
            return Small[value] ??= value.ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";
}
