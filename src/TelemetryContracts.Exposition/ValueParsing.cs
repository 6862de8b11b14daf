using System.Globalization;

namespace TelemetryContracts.Exposition;

/// <summary>Number parsing straight from UTF-8, with Go's <c>strconv.ParseFloat</c> rules as used by expfmt.</summary>
internal static class ValueParsing
{
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParseFloat(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        // Most exposed values are small integers (counters, bucket counts): skip the general parser for them.
        if (s.Length <= 15)
        {
            ulong acc = 0;
            var i = 0;
            for (; i < s.Length; i++)
            {
                var d = (uint)(s[i] - '0');
                if (d > 9)
                {
                    break;
                }

                acc = (acc * 10) + d;
            }

            if (i == s.Length)
            {
                value = acc;
                return true;
            }
        }

        var first = s[0] | 0x20;
        if (first is 'i' or 'n' || (s.Length > 1 && s[0] is (byte)'+' or (byte)'-' && (s[1] | 0x20) == 'i'))
        {
            return TryParseSpecial(s, out value);
        }

        foreach (var b in s)
        {
            // Go rejects hex floats and digit separators here (expfmt strips "pP_" explicitly); .NET would not parse
            // them either, but "∞"-like culture symbols must not slip through.
            if (b >= 0x80 || b == '_' || (b | 0x20) == 'x' || (b | 0x20) == 'p')
            {
                return false;
            }
        }

        return double.TryParse(s, FloatStyle, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseSpecial(ReadOnlySpan<byte> s, out double value)
    {
        var negative = false;
        var body = s;
        if (s[0] is (byte)'+' or (byte)'-')
        {
            negative = s[0] == '-';
            body = s[1..];
            if (EqualsIgnoreCase(body, "inf"u8) || EqualsIgnoreCase(body, "infinity"u8))
            {
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            }

            value = 0;
            return false;
        }

        if (EqualsIgnoreCase(body, "inf"u8) || EqualsIgnoreCase(body, "infinity"u8))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        value = 0;
        return false;
    }

    public static bool TryParseInt64(ReadOnlySpan<byte> s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> lowerAscii)
    {
        if (a.Length != lowerAscii.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] | 0x20) != lowerAscii[i])
            {
                return false;
            }
        }

        return true;
    }
}
