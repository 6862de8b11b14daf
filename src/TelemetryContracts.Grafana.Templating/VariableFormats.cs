using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TelemetryContracts.Grafana.Templating;

/// <summary>Grafana's variable formats (public/app/features/templating/formatRegistry.ts) and the Prometheus/Loki
/// datasource escaping (interpolateQueryExpr).</summary>
internal static partial class VariableFormats
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The format names Grafana knows.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "csv", "pipe", "regex", "glob", "json", "lucene", "raw", "singlequote", "doublequote", "sqlstring", "text",
        "queryparam", "percentencode", "uriencode", "distributed", "html", "date",
    };

    /// <summary>Applies <paramref name="format"/> to the selected values (null format: Grafana's glob default).</summary>
    public static string Apply(string? format, string? args, IReadOnlyList<string> values, bool isArray, TemplateVariable variable)
    {
        var single = values.Count == 1 && !isArray;
        switch (format ?? "glob")
        {
            case "raw":
                return string.Join(',', values);
            case "csv":
                return string.Join(',', values);
            case "pipe":
                return string.Join('|', values);
            case "distributed":
                return single ? values[0] : string.Join(',', values.Select((v, i) => i == 0 ? v : $"{variable.Name}={v}"));
            case "regex":
            {
                var escaped = values.Select(RegexEscape).ToList();
                return escaped.Count == 1 ? escaped[0] : $"({string.Join('|', escaped)})";
            }
            case "glob":
                return values.Count > 1 ? $"{{{string.Join(',', values)}}}" : string.Join(',', values);
            case "json":
                // JSON.stringify escapes only quotes, backslashes and control characters.
                return single ? JsonSerializer.Serialize(values[0], JsonOptions) : JsonSerializer.Serialize(values, JsonOptions);
            case "lucene":
                if (single) return LuceneEscape(values[0]);
                if (values.Count == 0) return "__empty__";
                return $"({string.Join(" OR ", values.Select(v => "\"" + LuceneEscape(v) + "\""))})";
            case "singlequote":
                return string.Join(',', values.Select(v => "'" + v.Replace("'", "\\'", StringComparison.Ordinal) + "'"));
            case "doublequote":
                return string.Join(',', values.Select(v => "\"" + v.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
            case "sqlstring":
                return string.Join(',', values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));
            case "text":
            {
                if (variable.AllSelected) return "All";
                var texts = variable.Texts ?? values;
                return string.Join(" + ", texts);
            }
            case "queryparam":
                return string.Join('&', values.Select(v => $"var-{EncodeUriComponentStrict(variable.Name)}={EncodeUriComponentStrict(v)}"));
            case "percentencode":
                return single ? EncodeUriComponentStrict(values[0]) : EncodeUriComponentStrict("{" + string.Join(',', values) + "}");
            case "uriencode":
                return string.Join(',', values.Select(EncodeUriComponentStrict));
            case "html":
                return string.Join(", ", values.Select(WebUtility.HtmlEncode));
            default:
                // Grafana logs "Variable format X not found" and falls back to glob.
                return Apply("glob", args, values, isArray, variable);
        }
    }

    /// <summary>The datasource's interpolateQueryExpr, used when no explicit format is given.</summary>
    public static string ApplyDialect(InterpolationDialect dialect, IReadOnlyList<string> values, bool isArray, TemplateVariable variable)
    {
        var regexContext = variable.Multi || variable.IncludeAll;
        switch (dialect)
        {
            case InterpolationDialect.Loki:
            {
                if (!regexContext) return string.Join(',', values);
                var escaped = values.Select(LokiRegexEscape).ToList();
                return string.Join('|', escaped);
            }
            case InterpolationDialect.Prometheus:
            {
                if (!regexContext) return string.Join(',', values.Select(PrometheusRegularEscape));
                var escaped = values.Select(PrometheusRegexEscape).ToList();
                return escaped.Count == 1 ? escaped[0] : $"({string.Join('|', escaped)})";
            }
            default:
                return Apply(null, null, values, isArray, variable);
        }
    }

    /// <summary>kbn.regexEscape.</summary>
    public static string RegexEscape(string v) => RegexSpecial().Replace(v, "\\$0");

    /// <summary>lokiSpecialRegexEscape: backslash doubled twice (it ends up inside a LogQL string), specials get <c>\\</c>.</summary>
    public static string LokiRegexEscape(string v) => LokiSpecial().Replace(v.Replace("\\", "\\\\\\\\", StringComparison.Ordinal), "\\\\$0");

    /// <summary>prometheusRegularEscape (classic behaviour).</summary>
    public static string PrometheusRegularEscape(string v) => v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\\\'", StringComparison.Ordinal);

    /// <summary>prometheusSpecialRegexEscape.</summary>
    public static string PrometheusRegexEscape(string v) => PrometheusSpecial().Replace(v.Replace("\\", "\\\\\\\\", StringComparison.Ordinal), "\\\\$0");

    private static string LuceneEscape(string v) => LuceneSpecial().Replace(v, "\\$0");

    /// <summary>encodeURIComponent plus !'()* as Grafana's encodeURIComponentStrict does.</summary>
    public static string EncodeUriComponentStrict(string v)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(v))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[\\^$*+?.()|\[\]{}/]")]
    private static partial Regex RegexSpecial();

    [GeneratedRegex(@"[$^*{}\[\]+?.()|]")]
    private static partial Regex LokiSpecial();

    [GeneratedRegex(@"[$^*{}\[\]'+?.()|]")]
    private static partial Regex PrometheusSpecial();

    [GeneratedRegex(@"[!*+\-=<>\s&|()\[\]{}^~?:\\/""]")]
    private static partial Regex LuceneSpecial();
}
