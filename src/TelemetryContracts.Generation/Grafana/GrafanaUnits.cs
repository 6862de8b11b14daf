using TelemetryContracts.Contracts;
using TelemetryContracts.Contracts.Validation;

namespace TelemetryContracts.Generation.Grafana;

/// <summary>Contract units to Grafana unit ids (grafana/packages/grafana-data/src/valueFormats/categories.ts).</summary>
internal static class GrafanaUnits
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["seconds"] = "s",
        ["milliseconds"] = "ms",
        ["microseconds"] = "µs",
        ["nanoseconds"] = "ns",
        ["minutes"] = "m",
        ["hours"] = "h",
        ["bytes"] = "bytes",
        ["kilobytes"] = "kbytes",
        ["megabytes"] = "mbytes",
        ["gigabytes"] = "gbytes",
        ["bits"] = "bits",
        ["ratio"] = "percentunit",
        ["percent"] = "percent",
        ["celsius"] = "celsius",
        ["meters"] = "lengthm",
        ["volts"] = "volt",
        ["amperes"] = "amp",
        ["joules"] = "joule",
        ["grams"] = "massg",
        ["hertz"] = "hertz",
    };

    private static readonly Dictionary<string, string> Rates = new(StringComparer.Ordinal)
    {
        ["bytes"] = "Bps",
        ["kilobytes"] = "KBs",
        ["megabytes"] = "MBs",
        ["gigabytes"] = "GBs",
        ["bits"] = "bps",
    };

    /// <summary>The metric's unit: declared, or read from its name's suffix.</summary>
    public static string? UnitOf(MetricDefinition metric)
    {
        if (metric.Unit is { Length: > 0 } u)
        {
            return u;
        }

        var baseName = metric.FullName.EndsWith("_total", StringComparison.Ordinal) ? metric.FullName[..^6] : metric.FullName;
        return Units.FromSuffix(baseName)?.Unit.Name;
    }

    /// <summary>Unit of a value (gauges, histogram quantiles).</summary>
    public static string ForValue(MetricDefinition metric) =>
        UnitOf(metric) is { } u && Values.TryGetValue(u, out var g) ? g : "short";

    /// <summary>Unit of a per-second rate of a counter.</summary>
    public static string ForRate(MetricDefinition metric) =>
        UnitOf(metric) is { } u && Rates.TryGetValue(u, out var g) ? g : "ops";
}
