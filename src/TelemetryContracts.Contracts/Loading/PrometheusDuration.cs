namespace TelemetryContracts.Contracts.Loading;

/// <summary>Prometheus duration syntax (<c>30s</c>, <c>1h30m</c>, <c>4w</c>): units y, w, d, h, m, s, ms in decreasing order.</summary>
public static class PrometheusDuration
{
    private static readonly string[] Units = { "y", "w", "d", "h", "m", "s", "ms" };

    /// <summary>True when <paramref name="text"/> is a valid non-zero Prometheus duration.</summary>
    public static bool IsValid(string text) => TryParseSeconds(text, out var s) && s > 0;

    /// <summary>Parses into seconds.</summary>
    public static bool TryParseSeconds(string text, out double seconds)
    {
        seconds = 0;
        var i = 0;
        var lastUnit = -1;
        if (text.Length == 0)
        {
            return false;
        }

        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }

            if (i == start || i - start > 12)
            {
                return false;
            }

            var n = long.Parse(text.Substring(start, i - start), System.Globalization.CultureInfo.InvariantCulture);
            var unit = i + 1 < text.Length && text[i] == 'm' && text[i + 1] == 's' ? "ms" : i < text.Length ? text[i].ToString() : "";
            var index = Array.IndexOf(Units, unit);
            if (index <= lastUnit)
            {
                return false;
            }

            lastUnit = index;
            i += unit.Length;
            seconds += n * unit switch
            {
                "y" => 365 * 86400.0,
                "w" => 7 * 86400.0,
                "d" => 86400.0,
                "h" => 3600.0,
                "m" => 60.0,
                "s" => 1.0,
                _ => 0.001,
            };
        }

        return true;
    }
}
