namespace TelemetryContracts.LogQL.Checks;

/// <summary>Loki's json parameter expressions: <c>a.b[0]["c d"]</c>.</summary>
internal static class JsonPathCheck
{
    /// <summary>True when Loki's jsonexpr grammar accepts <paramref name="expression"/>.</summary>
    public static bool IsValid(string expression)
    {
        var i = 0;
        var first = true;
        if (expression.Length == 0) return false;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '[')
            {
                i++;
                if (i < expression.Length && expression[i] == '"')
                {
                    i++;
                    while (i < expression.Length && expression[i] != '"')
                    {
                        if (expression[i] == '\\') i++;
                        i++;
                    }
                    if (i >= expression.Length) return false;
                    i++;
                }
                else
                {
                    var start = i;
                    while (i < expression.Length && char.IsAsciiDigit(expression[i])) i++;
                    if (i == start) return false;
                }
                if (i >= expression.Length || expression[i] != ']') return false;
                i++;
            }
            else if (c == '.' || first)
            {
                if (c == '.') i++;
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is '_' or '-' or '@' or '$' or ':' or '/')) i++;
                if (i == start) return false;
            }
            else
            {
                return false;
            }
            first = false;
        }
        return true;
    }
}
