namespace TelemetryContracts.LogQL.Checks;

/// <summary>
/// Static check of the Go templates in line_format and label_format: actions are closed and every function
/// called exists in Loki's template function map (unknown functions fail the query before any data is read).
/// </summary>
internal static class GoTemplateCheck
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        // text/template keywords and builtins
        "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue", "nil", "true", "false",
        "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "call", "urlquery",
        // Loki's function map (pkg/logql/log/fmt.go, documented in template_functions.md)
        "__line__", "__timestamp__", "date", "duration", "duration_seconds", "now", "toDate", "toDateInZone", "unixEpoch", "unixEpochMillis",
        "unixEpochNanos", "unixToTime", "alignLeft", "alignRight", "b64enc", "b64dec", "bytes", "default", "fromJson", "lower", "indent", "nindent",
        "repeat", "replace", "substr", "title", "trim", "trimAll", "trimPrefix", "trimSuffix", "trunc", "upper", "urlencode", "urldecode",
        "contains", "hasPrefix", "hasSuffix", "add", "addf", "ceil", "div", "divf", "float64", "floor", "int", "max", "maxf", "min", "minf",
        "mul", "mulf", "mod", "round", "sub", "subf", "count", "regexReplaceAll", "regexReplaceAllLiteral",
        "ToLower", "ToUpper", "Replace", "Trim", "TrimLeft", "TrimRight", "TrimPrefix", "TrimSuffix", "TrimSpace",
    };

    /// <summary>Null when the template is acceptable, else Go's error text.</summary>
    public static string? Validate(string template)
    {
        var pos = 0;
        while (true)
        {
            var open = template.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0) return null;
            var i = open + 2;
            if (i < template.Length && template[i] == '-' && i + 1 < template.Length && char.IsWhiteSpace(template[i + 1])) i++;
            // Comment action.
            var afterSpace = i;
            while (afterSpace < template.Length && char.IsWhiteSpace(template[afterSpace])) afterSpace++;
            if (string.CompareOrdinal(template, afterSpace, "/*", 0, 2) == 0)
            {
                var endComment = template.IndexOf("*/", afterSpace + 2, StringComparison.Ordinal);
                if (endComment < 0) return "template: :1: unclosed comment";
                var close = template.IndexOf("}}", endComment, StringComparison.Ordinal);
                if (close < 0) return "template: :1: unclosed action";
                pos = close + 2;
                continue;
            }
            var end = -1;
            var words = new List<(string Word, bool Head)>();
            var expectHead = true;
            while (i < template.Length)
            {
                var c = template[i];
                if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
                {
                    end = i;
                    break;
                }
                if (c is '"' or '`' or '\'')
                {
                    var q = c;
                    i++;
                    while (i < template.Length && template[i] != q)
                    {
                        if (template[i] == '\\' && q != '`') i++;
                        i++;
                    }
                    if (i >= template.Length) return "template: :1: unterminated quoted string";
                    i++;
                    expectHead = false;
                    continue;
                }
                if (char.IsLetter(c) || c == '_')
                {
                    var start = i;
                    while (i < template.Length && (char.IsLetterOrDigit(template[i]) || template[i] == '_')) i++;
                    var preceded = start > 0 && template[start - 1] is '.' or '$';
                    if (!preceded) words.Add((template[start..i], expectHead));
                    expectHead = false;
                    continue;
                }
                if (c is '|' or '(') expectHead = true;
                else if (!char.IsWhiteSpace(c)) expectHead = false;
                i++;
            }
            if (end < 0) return "template: :1: unclosed action";
            foreach (var (word, _) in words)
            {
                if (!Known.Contains(word)) return $"template: :1: function \"{word}\" not defined";
            }
            pos = end + 2;
        }
    }
}
