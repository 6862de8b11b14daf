namespace TelemetryContracts.PromQL;

/// <summary>Prometheus's <c>model.ParseDuration</c>: units y w d h m s ms, each at most once, in that order.</summary>
internal static class DurationText
{
    private static readonly (string Unit, long Ms)[] Units =
    [
        ("y", 365L * 24 * 3600 * 1000), ("w", 7L * 24 * 3600 * 1000), ("d", 24L * 3600 * 1000), ("h", 3600L * 1000),
        ("m", 60L * 1000), ("s", 1000L), ("ms", 1L),
    ];

    /// <summary>Parses <paramref name="text"/>; on failure returns Prometheus's message in <paramref name="error"/>.</summary>
    public static long Parse(ReadOnlySpan<char> text, out string? error)
    {
        error = null;
        if (text is "0") { return 0; }
        if (text.IsEmpty)
        {
            error = "empty duration string";
            return 0;
        }

        long total = 0;
        var next = 0; // index into Units of the smallest unit still allowed
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; }
            if (i == start) { return Invalid(text, out error); }
            var digits = text[start..i];
            var u = -1;
            if (i + 1 < text.Length && text[i] == 'm' && text[i + 1] == 's') { u = 6; i += 2; }
            else if (i < text.Length)
            {
                u = text[i] switch { 'y' => 0, 'w' => 1, 'd' => 2, 'h' => 3, 'm' => 4, 's' => 5, _ => -1 };
                if (u >= 0) { i++; }
            }

            if (u < next) { return Invalid(text, out error); }
            next = u + 1;
            if (!long.TryParse(digits, out var n) || n > long.MaxValue / Units[u].Ms)
            {
                error = "duration out of range";
                return 0;
            }

            total += n * Units[u].Ms;
            if (total < 0)
            {
                error = "duration out of range";
                return 0;
            }
        }

        return total;
    }

    private static long Invalid(ReadOnlySpan<char> text, out string? error)
    {
        error = $"not a valid duration string: {GoFormat.Quote(text.ToString())}";
        return 0;
    }
}
