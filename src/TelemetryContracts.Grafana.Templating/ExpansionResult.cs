namespace TelemetryContracts.Grafana.Templating;

/// <summary>The expanded text and the map from expanded offsets back to the user's text.</summary>
/// <param name="Original">The text as the user wrote it.</param>
/// <param name="Text">The text after interpolation, as the datasource receives it.</param>
/// <param name="References">Every reference, in order.</param>
public sealed record ExpansionResult(string Original, string Text, IReadOnlyList<VariableReference> References)
{
    /// <summary>
    /// Maps an offset in <see cref="Text"/> to the offset in <see cref="Original"/>: text copied verbatim maps
    /// one to one; an offset inside a replacement maps to the start of the reference that produced it.
    /// </summary>
    public int MapToOriginal(int expandedOffset)
    {
        var delta = 0;
        foreach (var r in References)
        {
            if (expandedOffset < r.ExpandedStart) break;
            if (expandedOffset < r.ExpandedEnd) return r.OriginalStart;
            delta = r.OriginalEnd - r.ExpandedEnd;
        }
        return Math.Clamp(expandedOffset + delta, 0, Original.Length);
    }

    /// <summary>Maps a range <c>[start, end)</c> of <see cref="Text"/> to the smallest range of <see cref="Original"/>
    /// covering it; a range touching a replacement covers the whole reference.</summary>
    public (int Start, int End) MapRangeToOriginal(int start, int end)
    {
        var originalStart = MapToOriginal(start);
        if (end <= start) return (originalStart, originalStart);
        var last = end - 1;
        foreach (var r in References)
        {
            if (last >= r.ExpandedStart && last < r.ExpandedEnd) return (originalStart, r.OriginalEnd);
        }
        return (originalStart, Math.Max(originalStart, MapToOriginal(last) + 1));
    }

    /// <summary>The first resolved reference whose replacement overlaps the expanded range <c>[start, end)</c> (an empty
    /// range counts as the one character at <paramref name="start"/>), or null when the range is literal text.</summary>
    public VariableReference? ReferenceIn(int start, int end)
    {
        foreach (var r in References)
        {
            // Unresolved references were copied verbatim, so their text is the user's own and may be judged.
            if (r.Resolved && r.ExpandedStart < Math.Max(end, start + 1) && start < r.ExpandedEnd) return r;
        }
        return null;
    }

    /// <summary>True when any part of the expanded range came from a replacement whose value the dashboard does not fix
    /// (a placeholder, a built-in, a variable refreshed on load): checks must not judge such text as a value.</summary>
    public bool IsUnfixed(int start, int end) => ReferenceIn(start, end) is { IsFixedValue: false };
}
