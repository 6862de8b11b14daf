using System.Collections;
using System.Globalization;
using System.Text;
using TelemetryContracts.LogQL.Ast;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>A position-free structural dump of a tree: two trees are "the same" when their dumps are equal.</summary>
public static class AstDump
{
    public static string Of(object? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append('"').Append(s).Append('"');
                return;
            case double d:
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case PositionRange:
                return;
            case Node or VectorMatching:
                sb.Append(value.GetType().Name).Append('(');
                foreach (var p in value.GetType().GetProperties().Where(p => p.PropertyType != typeof(PositionRange) && p.Name != "EqualityContract").OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    sb.Append(p.Name).Append('=');
                    Write(sb, p.GetValue(value));
                    sb.Append(' ');
                }
                sb.Append(')');
                return;
            case IEnumerable list:
                sb.Append('[');
                foreach (var item in list)
                {
                    Write(sb, item);
                    sb.Append(',');
                }
                sb.Append(']');
                return;
            default:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }
}
