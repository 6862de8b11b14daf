using System.Globalization;
using System.Text;

namespace TelemetryContracts.Checks.Http;

/// <summary>Readable excerpts of answers for evidence: bounded, with control characters escaped so garbage cannot corrupt a terminal or a report.</summary>
public static class TextSnippet
{
    /// <summary>At most <paramref name="maxChars"/> characters of <paramref name="bytes"/> decoded as UTF-8.</summary>
    public static string Of(ReadOnlySpan<byte> bytes, int maxChars = 300)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, maxChars * 4)]);
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (sb.Length >= maxChars)
            {
                sb.Append('…');
                break;
            }

            if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (char.IsControl(c) || c == '\uFFFD')
            {
                sb.Append("\\x").Append(((int)c & 0xFF).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }
}
