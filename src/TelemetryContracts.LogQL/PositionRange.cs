namespace TelemetryContracts.LogQL;

/// <summary>A half-open range of character offsets (UTF-16 code units) into the parsed text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public readonly record struct PositionRange(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>The smallest range covering both ranges.</summary>
    public PositionRange Union(PositionRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>The text covered by this range, clamped to the input.</summary>
    public string Slice(string text)
    {
        var start = Math.Clamp(Start, 0, text.Length);
        var end = Math.Clamp(End, start, text.Length);
        return text[start..end];
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start},{End})";
}
