using System.Text;

namespace TelemetryContracts.Runtime;

/// <summary>
/// Translates System.Diagnostics.Metrics / OpenTelemetry instrument names and units to Prometheus names the way
/// OpenTelemetry's Prometheus exporters do: invalid characters become <c>_</c>, the UCUM unit becomes a suffix
/// (<c>s</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>, <c>{request}</c> dropped, <c>1</c> on a gauge → <c>_ratio</c>),
/// and counters end in <c>_total</c> (added by the counter family at exposition).
/// So <c>http.server.request.duration</c> in <c>s</c> is <c>http_server_request_duration_seconds</c>.
/// </summary>
public static class PrometheusNaming
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes", ["GiBy"] = "gibibytes", ["TiBy"] = "tibibytes", ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes", ["GBy"] = "gigabytes", ["TBy"] = "terabytes", ["m"] = "meters", ["V"] = "volts",
        ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts", ["g"] = "grams", ["Cel"] = "celsius",
        ["Hz"] = "hertz", ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    /// <summary>The Prometheus unit word for a UCUM unit (<c>s</c> → <c>seconds</c>); empty when the unit adds no suffix.</summary>
    public static string UnitSuffix(string? unit, bool isGauge)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return string.Empty;
        }

        // Annotations such as {request} carry no unit.
        var cleaned = new StringBuilder();
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                cleaned.Append(c);
            }
        }

        var u = cleaned.ToString().Trim();
        if (u.Length == 0)
        {
            return string.Empty;
        }

        if (u == "1")
        {
            return isGauge ? "ratio" : string.Empty;
        }

        var slash = u.IndexOf('/');
        if (slash >= 0)
        {
            var top = u[..slash];
            var bottom = u[(slash + 1)..];
            var topWord = top.Length == 0 ? string.Empty : Units.GetValueOrDefault(top, top);
            var bottomWord = PerUnits.GetValueOrDefault(bottom, Units.GetValueOrDefault(bottom, bottom));
            return Sanitize(topWord.Length == 0 ? "per_" + bottomWord : topWord + "_per_" + bottomWord, false);
        }

        return Sanitize(Units.GetValueOrDefault(u, u), false);
    }

    /// <summary>The Prometheus family name for an instrument (without <c>_total</c>, which the counter family adds).</summary>
    public static string MetricName(string instrumentName, string? unit, bool isCounter, bool isGauge)
    {
        var name = Sanitize(instrumentName, true);
        if (isCounter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit, isGauge);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name = name + "_" + suffix;
        }

        return name;
    }

    /// <summary>The Prometheus label name for a tag key (<c>http.request.method</c> → <c>http_request_method</c>).</summary>
    public static string LabelName(string tagKey)
    {
        var name = Sanitize(tagKey, false);
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            name = "key" + name;
        }

        return name == "le" ? "le_" : name;
    }

    private static string Sanitize(string text, bool allowColon)
    {
        var sb = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' || (allowColon && c == ':');
            var next = ok ? c : '_';
            if (next == '_' && sb.Length > 0 && sb[^1] == '_')
            {
                continue;
            }

            sb.Append(next);
        }

        if (sb.Length == 0)
        {
            return "_";
        }

        if (sb[0] is >= '0' and <= '9')
        {
            sb.Insert(0, allowColon ? "_" : "key_");
        }

        return sb.ToString();
    }
}
