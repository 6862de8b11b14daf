using System.Text;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Go strings may hold bytes that are not UTF-8 (<c>"\xff"</c>). They are kept in .NET strings as lone
/// surrogates U+DC80..U+DCFF (the "surrogateescape" convention), so printing can restore <c>\xff</c> exactly.
/// </summary>
internal static class GoBytes
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var ascii = true;
        foreach (var b in bytes)
        {
            if (b >= 0x80) { ascii = false; break; }
        }

        if (ascii) { return Encoding.ASCII.GetString(bytes); }
        var sb = new StringBuilder(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += consumed;
            }
            else
            {
                sb.Append((char)(0xDC00 + bytes[i]));
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The raw byte a lone surrogate stands for, or -1.</summary>
    public static int EscapedByte(char c) => c is >= '\uDC80' and <= '\uDCFF' ? c - 0xDC00 : -1;
}
