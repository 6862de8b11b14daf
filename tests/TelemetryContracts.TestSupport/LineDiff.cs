using System.Text;

namespace TelemetryContracts.TestSupport;

/// <summary>A small unified-style line diff (longest common subsequence) for snapshot failures.</summary>
public static class LineDiff
{
    /// <summary>Renders the differing lines with <c>-</c>/<c>+</c> markers and line numbers, at most 60 lines.</summary>
    public static string Render(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        if ((long)a.Length * b.Length > 25_000_000)
        {
            return $"(texts too large to diff: {a.Length} vs {b.Length} lines)";
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var sb = new StringBuilder();
        int x = 0, y = 0, shown = 0;
        while ((x < a.Length || y < b.Length) && shown < 60)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                sb.Append("+ ").Append(y + 1).Append(": ").AppendLine(b[y++]);
                shown++;
            }
            else
            {
                sb.Append("- ").Append(x + 1).Append(": ").AppendLine(a[x++]);
                shown++;
            }
        }

        return sb.ToString();
    }
}
