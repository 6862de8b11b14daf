using System.Globalization;
using System.Text;

namespace TelemetryContracts.LogQL.Checks;

/// <summary>Go's strconv.Quote and fmt float formatting, as Loki's String() methods use them.</summary>
internal static class GoFormat
{
    /// <summary>strconv.Quote: double quotes, Go escapes, printable non-ASCII kept.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[i + 1]);
                        i++;
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c) || (c >= 0x80 && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>fmt.Sprint(float64) (<c>%v</c>): shortest representation, exponent only below 1e-4 or from 1e21.</summary>
    public static string FloatV(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "+Inf";
        if (double.IsNegativeInfinity(v)) return "-Inf";
        if (v == 0) return double.IsNegative(v) ? "-0" : "0";
        var abs = Math.Abs(v);
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        if (abs >= 1e-4 && abs < 1e21)
        {
            // Plain decimal notation without exponent.
            if (!r.Contains('E')) return r;
            return v.ToString("0.#############################", CultureInfo.InvariantCulture);
        }
        // Go prints the shortest mantissa and at least two exponent digits: 1e+21, 1.5e-05.
        var parts = r.Split('E');
        var mantissa = parts[0];
        var exponent = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        if (parts.Length == 1)
        {
            // "R" chose plain notation; normalise to d.ddd.
            exponent = (int)Math.Floor(Math.Log10(abs));
            mantissa = (v / Math.Pow(10, exponent)).ToString("R", CultureInfo.InvariantCulture);
        }
        return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
    }

    /// <summary>strconv.FormatFloat(v, 'f', -1, 64): shortest decimal without exponent.</summary>
    public static string FloatF(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "+Inf";
        if (double.IsNegativeInfinity(v)) return "-Inf";
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        if (!r.Contains('E')) return r;
        return decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : v.ToString("F0", CultureInfo.InvariantCulture);
    }

    /// <summary>fmt.Sprintf("%f", v): six decimals.</summary>
    public static string FloatFixed6(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsInfinity(v) ? (v > 0 ? "+Inf" : "-Inf") : v.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>Go's strconv.ParseFloat on a LogQL number literal: hex needs a p exponent, 0b/0o and underscores without a prefix fail.</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0) return false;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var body = s[2..].Replace("_", "");
            var p = body.IndexOfAny(['p', 'P']);
            if (p < 0) return false;
            var mant = body[..p];
            if (!int.TryParse(body[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exp)) return false;
            var dot = mant.IndexOf('.');
            var intPart = dot < 0 ? mant : mant[..dot];
            var fracPart = dot < 0 ? "" : mant[(dot + 1)..];
            if (intPart.Length + fracPart.Length == 0) return false;
            double m = 0;
            foreach (var ch in intPart + fracPart)
            {
                m = (m * 16) + Convert.ToInt32(ch.ToString(), 16);
            }
            value = m * Math.Pow(2, exp - (4 * fracPart.Length));
            return true;
        }
        if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase) || s.StartsWith("0o", StringComparison.OrdinalIgnoreCase) || s.Contains('_')) return false;
        return double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }
}
