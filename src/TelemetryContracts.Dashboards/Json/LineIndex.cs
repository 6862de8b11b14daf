using System.Text;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards.Json;

/// <summary>Maps byte offsets to one-based line/column in O(log lines); a dashboard has thousands of positioned nodes.</summary>
public sealed class LineIndex
{
    private readonly byte[] utf8;
    private readonly List<int> lineStarts = new() { 0 };

    /// <summary>Indexes the line starts of <paramref name="utf8"/>.</summary>
    public LineIndex(byte[] utf8)
    {
        this.utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The position of a byte offset, columns counted in characters.</summary>
    public SourcePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var start = lineStarts[line];
        return new SourcePosition(line + 1, Encoding.UTF8.GetCharCount(utf8.AsSpan(start, offset - start)) + 1, offset);
    }
}
