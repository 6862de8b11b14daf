using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Loading;

/// <summary>Turns character offsets into one-based line and column numbers.</summary>
public static class TextPositions
{
    /// <summary>The position of <paramref name="offset"/> in <paramref name="text"/> (clamped to the text).</summary>
    public static SourcePosition At(string text, int offset)
    {
        if (offset > text.Length)
        {
            offset = text.Length;
        }

        int line = 1, col = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        return new SourcePosition(line, col, offset);
    }

    /// <summary>The line and column of byte <paramref name="byteOffset"/> in bytes that are not valid text
    /// (counts newlines only; each byte is a column).</summary>
    public static SourcePosition AtByte(byte[] bytes, int byteOffset)
    {
        int line = 1, col = 1;
        for (var i = 0; i < byteOffset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                col = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                col++;
            }
        }

        return new SourcePosition(line, col, byteOffset);
    }
}
