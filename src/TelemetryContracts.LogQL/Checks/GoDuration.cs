using System.Globalization;
using System.Text;

namespace TelemetryContracts.LogQL.Checks;

/// <summary>Duration parsing and formatting as Prometheus' model.Duration and Go's time.Duration do it.</summary>
internal static class GoDuration
{
    private const long Ms = 1_000_000, Sec = 1_000 * Ms, Min = 60 * Sec, Hour = 60 * Min, Day = 24 * Hour, Week = 7 * Day, Year = 365 * Day;

    /// <summary>Prometheus format: <c>1y2w3d4h5m6s7ms</c>, units in that order, integers only; "0" is allowed.</summary>
    public static bool TryParsePrometheus(string s, out long nanoseconds)
    {
        nanoseconds = 0;
        if (s.Length == 0) return false;
        if (s == "0") return true;
        (string Unit, long Mult)[] units = [("y", Year), ("w", Week), ("d", Day), ("h", Hour), ("m", Min), ("s", Sec), ("ms", Ms)];
        var pos = 0;
        var nextUnit = 0;
        decimal total = 0;
        while (pos < s.Length)
        {
            var startDigits = pos;
            while (pos < s.Length && s[pos] is >= '0' and <= '9') pos++;
            if (pos == startDigits) return false;
            var number = decimal.Parse(s.AsSpan(startDigits, pos - startDigits), CultureInfo.InvariantCulture);
            var found = -1;
            // "ms" must win over "m".
            if (pos + 1 < s.Length && s[pos] == 'm' && s[pos + 1] == 's') found = 6;
            else if (pos < s.Length)
            {
                for (var i = 0; i < 6; i++)
                {
                    if (s[pos] == units[i].Unit[0]) { found = i; break; }
                }
            }
            if (found < 0 || found < nextUnit) return false;
            pos += units[found].Unit.Length;
            nextUnit = found + 1;
            total += number * units[found].Mult;
            if (total > long.MaxValue) return false;
        }
        nanoseconds = (long)total;
        return true;
    }

    /// <summary>Go's time.ParseDuration: <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c> with ns, us, µs, ms, s, m, h.</summary>
    public static bool TryParseGo(string s, out long nanoseconds)
    {
        nanoseconds = 0;
        var pos = 0;
        var negative = false;
        if (pos < s.Length && (s[pos] == '-' || s[pos] == '+'))
        {
            negative = s[pos] == '-';
            pos++;
        }
        if (s[pos..] == "0") return true;
        if (pos == s.Length) return false;
        decimal total = 0;
        while (pos < s.Length)
        {
            var start = pos;
            while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.')) pos++;
            var numText = s[start..pos];
            if (numText.Length == 0 || numText == "." || numText.Count(c => c == '.') > 1) return false;
            var unitStart = pos;
            while (pos < s.Length && !char.IsAsciiDigit(s[pos]) && s[pos] != '.') pos++;
            var unit = s[unitStart..pos];
            long mult = unit switch
            {
                "ns" => 1,
                "us" or "µs" or "μs" => 1_000,
                "ms" => Ms,
                "s" => Sec,
                "m" => Min,
                "h" => Hour,
                _ => -1,
            };
            if (mult < 0) return false;
            if (!decimal.TryParse(numText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
            total += number * mult;
            if (total > long.MaxValue) return false;
        }
        nanoseconds = (long)(negative ? -total : total);
        return true;
    }

    /// <summary>Loki's parseDuration: Prometheus format first, then Go's.</summary>
    public static bool TryParseLoki(string s, out long nanoseconds) => TryParsePrometheus(s, out nanoseconds) || TryParseGo(s, out nanoseconds);

    /// <summary>Prometheus model.Duration.String(): <c>1h30m</c>, <c>1d</c>, <c>0s</c>.</summary>
    public static string FormatPrometheus(long ns)
    {
        var ms = ns / Ms;
        if (ms == 0) return "0s";
        var sb = new StringBuilder();
        if (ms < 0) { sb.Append('-'); ms = -ms; }
        void Unit(long unitMs, char u)
        {
            if (ms >= unitMs)
            {
                sb.Append(ms / unitMs).Append(u);
                ms %= unitMs;
            }
        }
        Unit(Year / Ms, 'y');
        Unit(Week / Ms, 'w');
        Unit(Day / Ms, 'd');
        Unit(Hour / Ms, 'h');
        Unit(Min / Ms, 'm');
        Unit(Sec / Ms, 's');
        if (ms > 0) sb.Append(ms).Append("ms");
        return sb.ToString();
    }

    /// <summary>Go's time.Duration.String(): <c>1h0m0s</c>, <c>1.5s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public static string FormatGo(long ns)
    {
        if (ns == 0) return "0s";
        var negative = ns < 0;
        var u = negative ? (ulong)(-(ns + 1)) + 1 : (ulong)ns;
        string result;
        if (u < (ulong)Sec)
        {
            // Sub-second: ns, µs or ms with fraction.
            (ulong div, string unit) = u < 1_000 ? (1UL, "ns") : u < 1_000_000 ? (1_000UL, "µs") : (1_000_000UL, "ms");
            result = Fraction(u, div) + unit;
        }
        else
        {
            var sb = new StringBuilder();
            var hours = u / (ulong)Hour;
            var rem = u % (ulong)Hour;
            var minutes = rem / (ulong)Min;
            var secNs = rem % (ulong)Min;
            if (hours > 0) sb.Append(hours).Append('h');
            if (hours > 0 || minutes > 0) sb.Append(minutes).Append('m');
            sb.Append(Fraction(secNs, (ulong)Sec)).Append('s');
            result = sb.ToString();
        }
        return negative ? "-" + result : result;
    }

    private static string Fraction(ulong value, ulong div)
    {
        var whole = value / div;
        var frac = value % div;
        if (frac == 0) return whole.ToString(CultureInfo.InvariantCulture);
        var digits = div.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fracText = frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return whole.ToString(CultureInfo.InvariantCulture) + "." + fracText;
    }
}
