namespace TelemetryContracts.LogQL.Checks;

/// <summary>Loki's pattern syntax (<c>&lt;ip&gt; - &lt;_&gt; "&lt;method&gt; ..."</c>): captures, and the errors Loki reports.</summary>
internal static class PatternCheck
{
    /// <summary>Capture names (including <c>_</c>) in order.</summary>
    public static List<string> Captures(string pattern, out bool consecutive)
    {
        var names = new List<string>();
        consecutive = false;
        var lastEnd = -2;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '<') continue;
            var j = i + 1;
            if (j >= pattern.Length || !(char.IsAsciiLetter(pattern[j]) || pattern[j] == '_')) continue;
            while (j < pattern.Length && (char.IsAsciiLetterOrDigit(pattern[j]) || pattern[j] == '_')) j++;
            if (j >= pattern.Length || pattern[j] != '>') continue;
            if (lastEnd == i) consecutive = true;
            names.Add(pattern[(i + 1)..j]);
            lastEnd = j + 1;
            i = j;
        }
        return names;
    }

    /// <summary>Error of <c>| pattern</c>, or null.</summary>
    public static string? ValidateParser(string pattern)
    {
        var captures = Captures(pattern, out var consecutive);
        var named = captures.Where(c => c != "_").ToList();
        if (named.Count == 0) return "at least one capture is required";
        if (consecutive) return "found consecutive capture: ";
        var dup = named.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) return $"duplicate capture name ({dup.Key}): ";
        return null;
    }

    /// <summary>Error of a <c>|&gt;</c> or <c>!&gt;</c> line filter pattern, or null.</summary>
    public static string? ValidateLineFilter(string pattern)
    {
        var captures = Captures(pattern, out var consecutive);
        if (captures.Any(c => c != "_")) return "named captures are not allowed in line filter patterns";
        if (consecutive) return "found consecutive capture: ";
        return null;
    }
}
