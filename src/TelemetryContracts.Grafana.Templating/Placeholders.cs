namespace TelemetryContracts.Grafana.Templating;

/// <summary>Stand-ins for variables whose value is unknown when a query is checked without running the dashboard.</summary>
public static class Placeholders
{
    /// <summary>Placeholder for a name (metric or label) whose value is unknown.</summary>
    public const string Name = "templated_name";

    /// <summary>Placeholder for a string value whose value is unknown.</summary>
    public const string Value = "templated_value";

    /// <summary>Placeholder for a duration whose value is unknown.</summary>
    public const string Duration = "5m";

    /// <summary>Placeholder for a number whose value is unknown.</summary>
    public const string Number = "1";

    // Functions whose first argument is a scalar, so a placeholder there must be a number to parse.
    private static readonly string[] ScalarFunctions =
    [
        "topk", "bottomk", "quantile", "limitk", "limit_ratio", "histogram_quantile", "quantile_over_time", "round", "clamp", "clamp_min",
        "clamp_max", "vector", "predict_linear", "holt_winters", "double_exponential_smoothing", "time", "count_values",
    ];

    /// <summary>
    /// A stand-in for the reference <c>[start, end)</c> of <paramref name="text"/> that is valid where the reference stands
    /// in PromQL or LogQL: a string value inside quotes, a duration after <c>[</c>, <c>:</c> or <c>offset</c>, a number
    /// next to an operator or as a scalar argument, otherwise a name.
    /// </summary>
    /// <remarks>Chosen from the surrounding text so that one unknown value does not turn the whole query into a parse error.</remarks>
    public static string For(string text, int start, int end)
    {
        if (InsideQuotes(text, start))
        {
            return Value;
        }

        var prev = PreviousNonSpace(text, start);
        if (prev is '[' or ':' || EndsWithWord(text, start, "offset"))
        {
            return Duration;
        }

        var next = NextNonSpace(text, end);
        if (next is '{' or '[' || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) || (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')))
        {
            return Name;
        }

        if (prev is '>' or '<' or '=' or '+' or '-' or '*' or '/' or '%' or '^')
        {
            return Number;
        }

        if (prev is '(' or ',' && EnclosingCallName(text, start) is { } fn)
        {
            if (fn is "by" or "without" or "on" or "ignoring" or "group_left" or "group_right")
            {
                return Name;
            }

            if (prev == '(' && Array.IndexOf(ScalarFunctions, fn) >= 0)
            {
                return Number;
            }
        }

        return Name;
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
}
