using System.Text;

namespace TelemetryContracts.PromQL;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 character offsets into the parsed expression, the
/// same shape as Prometheus's <c>posrange.PositionRange</c> (which counts bytes; use <see cref="ToByteRange"/>).
/// </summary>
public readonly record struct PositionRange(int Start, int End)
{
    /// <summary>The number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>The smallest range covering both.</summary>
    public PositionRange Merge(PositionRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>Converts the character offsets into UTF-8 byte offsets, as Prometheus reports them.</summary>
    public PositionRange ToByteRange(string input)
    {
        var s = Math.Clamp(Start, 0, input.Length);
        var e = Math.Clamp(End, s, input.Length);
        var bs = Encoding.UTF8.GetByteCount(input.AsSpan(0, s));
        return new PositionRange(bs, bs + Encoding.UTF8.GetByteCount(input.AsSpan(s, e - s)));
    }

    /// <summary>The 1-based line and column of <see cref="Start"/> in <paramref name="input"/>.</summary>
    public (int Line, int Column) LineColumn(string input)
    {
        int line = 1, col = 1;
        for (var i = 0; i < Start && i < input.Length; i++)
        {
            if (input[i] == '\n') { line++; col = 1; } else { col++; }
        }

        return (line, col);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Start}..{End}";
}
