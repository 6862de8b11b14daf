using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TelemetryContracts.Dashboards.Model;

namespace TelemetryContracts.Lint.Templating;

/// <summary>
/// Expands Grafana template variables in a query the way Grafana's template service does before it sends the query:
/// <c>$var</c>, <c>${var}</c>, <c>${var:format}</c>, <c>[[var]]</c>, multi-value and "All" values (<c>(a|b)</c> for
/// Prometheus/Loki, <c>{a,b}</c> with <c>:glob</c>), and the built-ins (<c>$__rate_interval</c>, <c>$__interval</c>,
/// <c>$__range</c>, <c>$__auto</c>, <c>$__from</c>…). A variable whose value the saved dashboard does not fix (query
/// variables refresh on load) is replaced by a placeholder that fits its syntactic position, so the query still parses,
/// and is marked so that rules do not judge the placeholder as a value.
/// </summary>
public sealed partial class TemplateExpander
{
    /// <summary>Placeholder for a name (metric or label) whose value is unknown.</summary>
    public const string NamePlaceholder = "templated_name";

    /// <summary>Placeholder for a string value whose value is unknown.</summary>
    public const string ValuePlaceholder = "templated_value";

    private static readonly string[] ScalarFunctions =
    {
        "topk", "bottomk", "quantile", "limitk", "limit_ratio", "histogram_quantile", "quantile_over_time", "round", "clamp", "clamp_min",
        "clamp_max", "vector", "predict_linear", "holt_winters", "double_exponential_smoothing", "time", "count_values",
    };

    private readonly Dictionary<string, TemplateVariable> variables = new(StringComparer.Ordinal);

    /// <summary>Creates an expander for a dashboard's variables.</summary>
    public TemplateExpander(IEnumerable<TemplateVariable> variables)
    {
        foreach (var v in variables)
        {
            if (v.Name.Length > 0)
            {
                this.variables[v.Name] = v;
            }
        }
    }

    /// <summary>Expands every variable reference in <paramref name="text"/>.</summary>
    public ExpandedQuery Expand(string text)
    {
        var subs = new List<TemplateSubstitution>();
        var sb = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match m in VariableReference().Matches(text))
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Value;
            var format = m.Groups[3].Success ? m.Groups[3].Value : m.Groups[6].Success ? m.Groups[6].Value : null;
            var (value, isFixed) = Value(name, format, text, m.Index, m.Index + m.Length);
            if (value is null)
            {
                // Not a variable Grafana knows (e.g. "$1" in a regex replacement): Grafana leaves it as written.
                continue;
            }

            sb.Append(text, last, m.Index - last);
            var start = sb.Length;
            sb.Append(value);
            subs.Add(new TemplateSubstitution(m.Index, m.Index + m.Length, start, sb.Length, name, isFixed));
            last = m.Index + m.Length;
        }

        if (subs.Count == 0)
        {
            return new ExpandedQuery(text, text, subs);
        }

        sb.Append(text, last, text.Length - last);
        return new ExpandedQuery(text, sb.ToString(), subs);
    }

    private (string? Value, bool IsFixed) Value(string name, string? format, string text, int start, int end)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return (BuiltIn(name, format) ?? Placeholder(text, start, end), false);
        }

        if (!variables.TryGetValue(name, out var v))
        {
            // Grafana leaves unknown variables in place; a digit-only name ($1) is a regex back-reference.
            return char.IsDigit(name[0]) ? (null, false) : (Placeholder(text, start, end), false);
        }

        var values = ValuesOf(v, out var isAll);
        if (values is null || values.Count == 0 || values.Any(x => x.Contains('$', StringComparison.Ordinal)))
        {
            return (Placeholder(text, start, end), false);
        }

        var isFixed = v.Type is "constant" or "custom" or "interval";
        if (isAll && v.AllValue is { } allValue && format is null)
        {
            return (allValue, false);
        }

        return (Format(values, format, v.Multi || v.IncludeAll), isFixed && !isAll && values.Count == 1);
    }

    private static IReadOnlyList<string>? ValuesOf(TemplateVariable v, out bool isAll)
    {
        isAll = false;
        switch (v.Type)
        {
            case "constant":
                return v.Query is { } q ? new[] { q } : v.Current;
            case "interval":
                var iv = v.Current.FirstOrDefault() ?? v.Options.FirstOrDefault() ?? v.Query?.Split(',').FirstOrDefault();
                return iv is null ? null : new[] { iv.StartsWith("$__auto", StringComparison.Ordinal) ? "1m" : iv.Trim() };
        }

        var current = v.Current.Where(c => c.Length > 0).ToList();
        if (current.Any(c => c is "$__all" or "All"))
        {
            isAll = true;
            var options = v.Options.Where(o => o is not ("$__all" or "All") && o.Length > 0).ToList();
            if (options.Count == 0 && v.Type == "custom" && v.Query is { } q)
            {
                options = q.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            }

            return options.Count > 0 ? options : (v.AllValue is { } a ? new[] { a } : null);
        }

        if (current.Count == 0 && v.Type == "custom" && v.Query is { } cq)
        {
            current = cq.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).Take(1).ToList();
        }

        return current;
    }

    private static string Format(IReadOnlyList<string> values, string? format, bool multi)
    {
        switch (format)
        {
            case "raw" or "text":
                return string.Join(",", values);
            case "csv":
                return string.Join(",", values);
            case "pipe":
                return string.Join("|", values);
            case "glob":
                return values.Count == 1 ? values[0] : "{" + string.Join(",", values) + "}";
            case "json":
                return JsonSerializer.Serialize(values);
            case "singlequote":
                return string.Join(",", values.Select(x => "'" + x.Replace("'", "\\'", StringComparison.Ordinal) + "'"));
            case "doublequote":
                return string.Join(",", values.Select(x => "\"" + x.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
            case "regex":
                return values.Count == 1 ? Regex.Escape(values[0]) : "(" + string.Join("|", values.Select(Regex.Escape)) + ")";
            case "queryparam":
                return string.Join("&", values.Select(x => "var=" + Uri.EscapeDataString(x)));
            case "percentencode":
                return Uri.EscapeDataString(values.Count == 1 ? values[0] : "{" + string.Join(",", values) + "}");
        }

        // Prometheus and Loki datasources format multi-value variables as an escaped regex alternation.
        if (values.Count == 1)
        {
            return multi ? PromRegexEscape(values[0]) : values[0];
        }

        return "(" + string.Join("|", values.Select(PromRegexEscape)) + ")";
    }

    private static string PromRegexEscape(string value) => PromRegexSpecial().Replace(value, "\\\\$0");

    private static string? BuiltIn(string name, string? format)
    {
        if (name.StartsWith("__auto_interval", StringComparison.Ordinal))
        {
            return "1m";
        }

        return name switch
        {
            "__interval" or "__auto" => "1m",
            "__interval_ms" => "60000",
            "__rate_interval" => "4m",
            "__rate_interval_ms" => "240000",
            "__range" => "1h",
            "__range_s" => "3600",
            "__range_ms" => "3600000",
            "__from" or "__to" => format is not null && format.Contains("seconds", StringComparison.Ordinal) ? "1700000000" : "1700000000000",
            "__dashboard" or "__user" or "__org" or "__name" => "grafana",
            _ => null,
        };
    }

    // Picks a placeholder that is valid where the reference stands, so one unknown value does not turn into a parse error.
    private static string Placeholder(string text, int start, int end)
    {
        if (InsideQuotes(text, start))
        {
            return ValuePlaceholder;
        }

        var prev = PreviousNonSpace(text, start);
        if (prev is '[' or ':' || EndsWithWord(text, start, "offset"))
        {
            return "5m";
        }

        var next = NextNonSpace(text, end);
        if (next is '{' or '[' || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) || (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')))
        {
            return NamePlaceholder;
        }

        if (prev is '>' or '<' or '=' or '+' or '-' or '*' or '/' or '%' or '^')
        {
            return "1";
        }

        if (prev is '(' or ',' && EnclosingCallName(text, start) is { } fn)
        {
            if (fn is "by" or "without" or "on" or "ignoring" or "group_left" or "group_right")
            {
                return NamePlaceholder;
            }

            if (prev == '(' && Array.IndexOf(ScalarFunctions, fn) >= 0)
            {
                return "1";
            }
        }

        return NamePlaceholder;
    }

    private static bool InsideQuotes(string text, int position)
    {
        char? quote = null;
        for (var i = 0; i < position; i++)
        {
            var c = text[i];
            if (quote is null)
            {
                if (c is '"' or '\'' or '`')
                {
                    quote = c;
                }
            }
            else if (c == '\\' && quote != '`')
            {
                i++;
            }
            else if (c == quote)
            {
                quote = null;
            }
        }

        return quote is not null;
    }

    private static char? PreviousNonSpace(string text, int position)
    {
        for (var i = position - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }

    private static char? NextNonSpace(string text, int position)
    {
        for (var i = position; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }

    private static bool EndsWithWord(string text, int position, string word)
    {
        var prefix = text.AsSpan(0, position).TrimEnd();
        return prefix.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (prefix.Length == word.Length || !char.IsLetterOrDigit(prefix[prefix.Length - word.Length - 1]));
    }

    private static string? EnclosingCallName(string text, int position)
    {
        var depth = 0;
        for (var i = position - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == ')')
            {
                depth++;
            }
            else if (c == '(')
            {
                if (depth-- > 0)
                {
                    continue;
                }

                var j = i - 1;
                while (j >= 0 && char.IsWhiteSpace(text[j]))
                {
                    j--;
                }

                var endWord = j + 1;
                while (j >= 0 && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
                {
                    j--;
                }

                return endWord > j + 1 ? text[(j + 1)..endWord] : null;
            }
        }

        return null;
    }

    // The same three forms Grafana's template service recognises: $var, [[var:fmt]], ${var.field:fmt}.
    [GeneratedRegex(@"\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?\}")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"[\\^$*+?.()|{}\[\]]")]
    private static partial Regex PromRegexSpecial();
}
