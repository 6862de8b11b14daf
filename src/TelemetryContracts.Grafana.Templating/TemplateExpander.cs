using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TelemetryContracts.Grafana.Templating;

/// <summary>
/// Interpolates Grafana template variables the way Grafana does before a query reaches the datasource
/// (template_srv.ts <c>replace</c>, the datasource's interpolateQueryExpr, and the Loki/Prometheus backends'
/// handling of <c>$__interval</c>, <c>$__range</c>, <c>$__auto</c>...). Unknown variables stay as written,
/// as in Grafana. The result maps every expanded offset back to the user's text.
/// </summary>
public static partial class TemplateExpander
{
    // Grafana's variableRegex: $var | [[var:fmt]] | ${var.path:fmt}
    [GeneratedRegex(@"\$(?<d>[A-Za-z0-9_]+)|\[\[(?<b>[A-Za-z0-9_]+?)(?::(?<bf>[A-Za-z0-9_]+))?\]\]|\$\{(?<c>[A-Za-z0-9_]+)(?:\.(?<cp>[^:^}]+))?(?::(?<cf>[^}]+))?\}")]
    private static partial Regex VariablePattern();

    /// <summary>Expands every variable reference of <paramref name="text"/>. Never throws.</summary>
    public static ExpansionResult Expand(string text, TemplateContext context)
    {
        text ??= "";
        var sb = new StringBuilder(text.Length + 16);
        var references = new List<VariableReference>();
        var last = 0;
        foreach (Match m in VariablePattern().Matches(text))
        {
            sb.Append(text, last, m.Index - last);
            var (name, path, format, syntax) = m.Groups["d"].Success ? (m.Groups["d"].Value, null, null, ReferenceSyntax.Dollar)
                : m.Groups["b"].Success ? (m.Groups["b"].Value, null, m.Groups["bf"].Success ? m.Groups["bf"].Value : null, ReferenceSyntax.Brackets)
                : (m.Groups["c"].Value, m.Groups["cp"].Success ? m.Groups["cp"].Value : null, m.Groups["cf"].Success ? m.Groups["cf"].Value : (string?)null, ReferenceSyntax.Braces);
            var replacement = Resolve(name, path, format, context, out var variable);
            var isPlaceholder = false;
            if ((variable is { IsPlaceholder: true } || (replacement is null && context.PlaceholdersForUnknown)) && !char.IsAsciiDigit(name[0]))
            {
                replacement = Placeholders.For(text, m.Index, m.Index + m.Length);
                isPlaceholder = true;
            }
            var expandedStart = sb.Length;
            sb.Append(replacement ?? m.Value);
            references.Add(new VariableReference(name, path, format, syntax, m.Index, m.Index + m.Length, expandedStart, sb.Length, replacement is not null)
            {
                IsPlaceholder = isPlaceholder,
                // "All" stands for whatever options exist when the query runs, so it is never a fixed value.
                IsFixedValue = !isPlaceholder && variable is { IsFixed: true, AllSelected: false },
            });
            last = m.Index + m.Length;
        }
        sb.Append(text, last, text.Length - last);
        return new ExpansionResult(text, sb.ToString(), references);
    }

    private static string? Resolve(string name, string? path, string? format, TemplateContext context, out TemplateVariable? variable)
    {
        variable = null;
        string? formatName = format, formatArgs = null;
        if (format is not null && format.IndexOf(':') is var colon and >= 0)
        {
            formatName = format[..colon];
            formatArgs = format[(colon + 1)..];
        }
        var builtIn = BuiltIn(name, path, formatName, formatArgs, context);
        if (builtIn is not null) return builtIn;
        if (!context.Variables.TryGetValue(name, out variable)) return null;
        if (variable.IsPlaceholder) return null;

        IReadOnlyList<string> values;
        var isArray = variable.Multi || variable.Values.Count != 1;
        if (variable.AllSelected)
        {
            // A custom all value goes in verbatim: no format, no escaping.
            if (variable.AllValue is not null) return variable.AllValue;
            if (variable.Options.Count == 0)
            {
                // The options of a query variable are only known at run time. Grafana would join them (a|b), which
                // never matches the empty string; ".+" keeps that property and the query's shape.
                return ".+";
            }
            values = variable.Options;
            isArray = true;
        }
        else
        {
            values = variable.Values;
        }
        if (formatName is not null) return VariableFormats.Apply(formatName, formatArgs, values, isArray, variable);
        return VariableFormats.ApplyDialect(context.Dialect, values, isArray, variable);
    }

    private static string? BuiltIn(string name, string? path, string? format, string? args, TemplateContext c)
    {
        switch (name)
        {
            case "__interval":
                return FormatInterval(c.Interval);
            case "__interval_ms":
                return ((long)c.Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            case "__rate_interval":
            {
                var rate = c.Interval + c.ScrapeInterval > 4 * c.ScrapeInterval ? c.Interval + c.ScrapeInterval : 4 * c.ScrapeInterval;
                return FormatInterval(rate);
            }
            case "__rate_interval_ms":
            {
                var rate = c.Interval + c.ScrapeInterval > 4 * c.ScrapeInterval ? c.Interval + c.ScrapeInterval : 4 * c.ScrapeInterval;
                return ((long)rate.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            }
            case "__auto":
                // Grafana's Loki backend: the step for range queries, the whole range for instant queries.
                return c.InstantQuery ? RangeSeconds(c).ToString(CultureInfo.InvariantCulture) + "s" : FormatInterval(c.Step ?? c.Interval);
            case "__range":
                return RangeSeconds(c).ToString(CultureInfo.InvariantCulture) + "s";
            case "__range_s":
                return RangeSeconds(c).ToString(CultureInfo.InvariantCulture);
            case "__range_ms":
                return ((long)(c.To - c.From).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            case "__from":
            case "__to":
                return FormatTime(name == "__from" ? c.From : c.To, format, args);
            case "__dashboard":
                return path == "uid" ? c.DashboardUid : c.DashboardTitle;
            case "__org":
                return path == "name" ? c.OrgName : c.OrgId.ToString(CultureInfo.InvariantCulture);
            case "__user":
                return path switch
                {
                    "login" => c.UserLogin,
                    "email" => c.UserEmail,
                    _ => c.UserId.ToString(CultureInfo.InvariantCulture),
                };
            case "__name":
                return c.SeriesName;
            default:
                // Grafana's legacy interval variables with "auto" refer to their computed value as $__auto_interval_<name>.
                return name.StartsWith("__auto_interval", StringComparison.Ordinal) ? FormatInterval(c.Interval) : null;
        }
    }

    private static long RangeSeconds(TemplateContext c) => (long)Math.Round((c.To - c.From).TotalSeconds, MidpointRounding.AwayFromZero);

    /// <summary>Grafana's gtime.FormatInterval: the largest whole unit, truncated (<c>75s</c> → <c>1m</c>).</summary>
    public static string FormatInterval(TimeSpan interval)
    {
        var ms = (long)interval.TotalMilliseconds;
        const long second = 1000, minute = 60 * second, hour = 60 * minute, day = 24 * hour, year = 365 * day;
        if (ms >= year) return $"{ms / year}y";
        if (ms >= day) return $"{ms / day}d";
        if (ms >= hour) return $"{ms / hour}h";
        if (ms >= minute) return $"{ms / minute}m";
        if (ms >= second) return $"{ms / second}s";
        if (ms >= 1) return $"{ms}ms";
        return "1ms";
    }

    private static string FormatTime(DateTimeOffset t, string? format, string? args)
    {
        var ms = t.ToUnixTimeMilliseconds();
        if (format != "date") return ms.ToString(CultureInfo.InvariantCulture);
        return args switch
        {
            null or "iso" => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            "seconds" => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            _ => MomentFormat(t.UtcDateTime, args),
        };
    }

    // The moment.js tokens dashboards use in ${__from:date:...}.
    private static string MomentFormat(DateTime t, string pattern)
    {
        (string Token, string Net)[] tokens = [("YYYY", "yyyy"), ("YY", "yy"), ("MM", "MM"), ("DD", "dd"), ("HH", "HH"), ("hh", "hh"), ("mm", "mm"), ("ss", "ss"), ("SSS", "fff"), ("A", "tt")];
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var matched = false;
            foreach (var (token, net) in tokens)
            {
                if (string.CompareOrdinal(pattern, i, token, 0, token.Length) == 0)
                {
                    sb.Append(t.ToString(net, CultureInfo.InvariantCulture));
                    i += token.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched) sb.Append(pattern[i++]);
        }
        return sb.ToString();
    }
}
