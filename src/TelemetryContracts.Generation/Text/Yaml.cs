using System.Globalization;
using System.Text;

namespace TelemetryContracts.Generation.Text;

/// <summary>
/// YAML scalars written by hand: plain when YAML 1.1 and 1.2 readers agree it is the same string, double-quoted
/// otherwise. Prometheus, Promtail and Grafana use different YAML libraries, so anything that could turn into a
/// boolean, number, null, comment or mapping is quoted.
/// </summary>
internal static class Yaml
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~",
    };

    public static string Scalar(string value)
    {
        if (!NeedsQuotes(value))
        {
            return value;
        }

        // Single quotes keep PromQL readable (its double quotes need no escaping); control characters need double quotes.
        return value.Any(c => c < 0x20) ? Quoted(value) : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string Quoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value) || value != value.Trim())
        {
            return true;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Indicators that start a non-plain node or a comment.
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return true;
            }
        }

        return value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':');
    }
}
