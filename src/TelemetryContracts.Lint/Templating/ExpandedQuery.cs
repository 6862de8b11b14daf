namespace TelemetryContracts.Lint.Templating;

/// <summary>A query after template expansion, with a map from offsets in the expanded text back to the original.</summary>
public sealed class ExpandedQuery
{
    internal ExpandedQuery(string original, string text, IReadOnlyList<TemplateSubstitution> substitutions)
    {
        Original = original;
        Text = text;
        Substitutions = substitutions;
    }

    /// <summary>The query as written in the dashboard.</summary>
    public string Original { get; }

    /// <summary>The query as Grafana would send it.</summary>
    public string Text { get; }

    /// <summary>The replaced variable references, in order.</summary>
    public IReadOnlyList<TemplateSubstitution> Substitutions { get; }

    /// <summary>Maps an offset in <see cref="Text"/> to the original: inside a replacement, the start of the variable reference.</summary>
    public int ToOriginal(int expandedOffset)
    {
        var delta = 0;
        foreach (var s in Substitutions)
        {
            if (expandedOffset < s.ExpandedStart)
            {
                break;
            }

            if (expandedOffset < s.ExpandedEnd)
            {
                return s.OriginalStart;
            }

            delta = s.OriginalEnd - s.ExpandedEnd;
        }

        return Math.Clamp(expandedOffset + delta, 0, Original.Length);
    }

    /// <summary>The substitution overlapping the expanded range, or null when the range is literal text.</summary>
    public TemplateSubstitution? SubstitutionIn(int expandedStart, int expandedEnd)
    {
        foreach (var s in Substitutions)
        {
            if (s.ExpandedStart < Math.Max(expandedEnd, expandedStart + 1) && expandedStart < s.ExpandedEnd)
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>True when any part of the expanded range came from a variable whose value the dashboard does not fix.</summary>
    public bool IsTemplated(int expandedStart, int expandedEnd) =>
        SubstitutionIn(expandedStart, expandedEnd) is { IsFixedValue: false };
}
