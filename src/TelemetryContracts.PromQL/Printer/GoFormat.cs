using System.Globalization;
using System.Text;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Text forms Prometheus produces through Go's formatting: <c>fmt.Sprint(float64)</c>, <c>strconv.Quote</c>,
/// <c>model.Duration.String</c>. The printer must match them byte for byte to equal <c>/api/v1/format_query</c>.
/// </summary>
internal static class GoFormat
{
    /// <summary>Go's <c>%v</c> of a float64: shortest round-trip digits, exponent form when the decimal exponent is below -4 or at least 6 (1e6 prints as 1e+06).</summary>
    public static string Float(double v)
    {
        if (double.IsNaN(v)) { return "NaN"; }
        if (double.IsPositiveInfinity(v)) { return "+Inf"; }
        if (double.IsNegativeInfinity(v)) { return "-Inf"; }
        if (v == 0) { return double.IsNegative(v) ? "-0" : "0"; }

        // "R" gives the shortest round-trip digits; take them apart into sign, digits and decimal exponent.
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        var neg = r[0] == '-';
        if (neg) { r = r[1..]; }
        var exp = 0;
        var ei = r.IndexOfAny(['E', 'e']);
        if (ei >= 0)
        {
            exp = int.Parse(r.AsSpan(ei + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ei];
        }

        var dot = r.IndexOf('.');
        string digits;
        int pointPos; // digits before the decimal point
        if (dot >= 0)
        {
            digits = r[..dot] + r[(dot + 1)..];
            pointPos = dot;
        }
        else
        {
            digits = r;
            pointPos = r.Length;
        }

        pointPos += exp;
        var trimmed = digits.TrimStart('0');
        pointPos -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0) { return "0"; }

        var x = pointPos - 1; // decimal exponent of the first digit
        var sb = new StringBuilder();
        if (neg) { sb.Append('-'); }
        if (x < -4 || x >= 6)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) { sb.Append('.').Append(digits, 1, digits.Length - 1); }
            sb.Append('e').Append(x < 0 ? '-' : '+');
            var ax = Math.Abs(x);
            if (ax < 10) { sb.Append('0'); }
            sb.Append(ax.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>strconv.Quote</c>: double quotes, C escapes, printable Unicode kept as is.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            int cp = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
            }

            switch (cp)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }

            if (cp > 0xFFFF)
            {
                if (IsPrint(cp)) { sb.Append(c).Append(s[i + 1]); }
                else { sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture)); }
                i++;
                continue;
            }

            if (GoBytes.EscapedByte(c) is var raw and >= 0)
            {
                // A byte that is not UTF-8 in the Go string: strconv.Quote prints it as \xNN.
                sb.Append("\\x").Append(raw.ToString("x2", CultureInfo.InvariantCulture));
                continue;
            }

            if (char.IsSurrogate(c))
            {
                sb.Append("\\ufffd");
                continue;
            }

            if (IsPrint(cp)) { sb.Append(c); }
            else if (cp < 0x80) { sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture)); }
            else { sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture)); }
        }

        return sb.Append('"').ToString();
    }

    private static bool IsPrint(int cp)
    {
        if (cp < 0x80) { return cp >= 0x20 && cp < 0x7F; }
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>Prometheus's <c>model.Duration.String</c>: <c>1h30m</c>, years and weeks only when exact, <c>0s</c> for zero.</summary>
    public static string Duration(long ms)
    {
        if (ms == 0) { return "0s"; }
        var sb = new StringBuilder();
        if (ms < 0)
        {
            sb.Append('-');
            ms = -ms;
        }

        void Unit(string unit, long mult, bool exact)
        {
            if (exact && ms % mult != 0) { return; }
            var v = ms / mult;
            if (v > 0)
            {
                sb.Append(v.ToString(CultureInfo.InvariantCulture)).Append(unit);
                ms -= v * mult;
            }
        }

        Unit("y", 1000L * 60 * 60 * 24 * 365, true);
        Unit("w", 1000L * 60 * 60 * 24 * 7, true);
        Unit("d", 1000L * 60 * 60 * 24, false);
        Unit("h", 1000L * 60 * 60, false);
        Unit("m", 1000L * 60, false);
        Unit("s", 1000L, false);
        Unit("ms", 1, false);
        return sb.ToString();
    }

    /// <summary>True for names matching <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static bool IsLegacyLabelName(string s)
    {
        if (s.Length == 0) { return false; }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!(c == '_' || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || (i > 0 && c is >= '0' and <= '9'))) { return false; }
        }

        return true;
    }

    /// <summary>True for metric names matching <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    public static bool IsLegacyMetricName(string s)
    {
        if (s.Length == 0) { return false; }
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!(c is '_' or ':' || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z' || (i > 0 && c is >= '0' and <= '9'))) { return false; }
        }

        return true;
    }

    /// <summary>A label name as written: bare when it is a plain identifier, else quoted (newer syntax).</summary>
    public static string LabelName(string s) => IsLegacyLabelName(s) ? s : Quote(s);

    /// <summary>Formats Prometheus's <c>@</c> timestamp: <c>%.3f</c> of seconds.</summary>
    public static string AtTimestamp(long ms) => (ms / 1000m).ToString("0.000", CultureInfo.InvariantCulture);
}
