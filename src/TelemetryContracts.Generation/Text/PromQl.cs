using System.Text;

namespace TelemetryContracts.Generation.Text;

/// <summary>PromQL/LogQL text pieces: quoted label values and selectors in a fixed matcher order.</summary>
internal static class PromQl
{
    /// <summary>A double-quoted string literal as PromQL and LogQL read it.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    public static string Selector(string metric, IEnumerable<string> matchers)
    {
        var list = matchers.ToList();
        return list.Count == 0 ? metric : metric + "{" + string.Join(", ", list) + "}";
    }

    public static string Eq(string label, string value) => label + "=" + Quote(value);

    public static string Re(string label, string regex) => label + "=~" + Quote(regex);

    /// <summary>The grouping clause written between an aggregation and its argument: <c>sum by (a, b) (x)</c>, or <c>sum(x)</c>.</summary>
    public static string By(IReadOnlyList<string> labels) => labels.Count == 0 ? "" : " by (" + string.Join(", ", labels) + ") ";
}
