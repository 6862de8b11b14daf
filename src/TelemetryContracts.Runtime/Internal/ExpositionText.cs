using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// UTF-8 building blocks of the exposition: escaping done once when a family or series is created, and sample lines
/// written straight into the caller's buffer with Utf8Formatter, so a steady-state scrape allocates nothing.
/// </summary>
internal static class ExpositionText
{
    /// <summary>Room for any formatted number: the longest double round-trip text is 24 characters.</summary>
    private const int NumberRoom = 32;

    public static byte[] EncodeLabels(string[] names, string[] values)
    {
        if (names.Length == 0)
        {
            return [];
        }

        var sb = new StringBuilder();
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(names[i]).Append("=\"");
            AppendEscapedLabelValue(sb, values[i]);
            sb.Append('"');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Label values escape backslash, double quote and line feed, in both formats.</summary>
    public static void AppendEscapedLabelValue(StringBuilder sb, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }
    }

    /// <summary>HELP escapes backslash and line feed; OpenMetrics also escapes the double quote.</summary>
    public static string EscapeHelp(string help, bool openMetrics)
    {
        var sb = new StringBuilder(help.Length);
        foreach (var c in help)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '"' when openMetrics: sb.Append("\\\""); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    public static string FormatDouble(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    public static void WriteRaw(ref LineWriter writer, ReadOnlySpan<byte> bytes)
    {
        var span = writer.Reserve(bytes.Length);
        bytes.CopyTo(span);
        writer.Commit(bytes.Length);
    }

    /// <summary>Writes <c>name{labels[,extra]} value\n</c>.</summary>
    public static void WriteSample(ref LineWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra, long value)
    {
        var span = writer.Reserve(name.Length + labels.Length + extra.Length + 4 + NumberRoom);
        var n = WritePrefix(span, name, labels, extra);
        Utf8Formatter.TryFormat(value, span[n..], out var written);
        n += written;
        span[n++] = (byte)'\n';
        writer.Commit(n);
    }

    /// <summary>Writes <c>name{labels[,extra]} value\n</c> with Prometheus' spelling of infinities and NaN.</summary>
    public static void WriteSample(ref LineWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra, double value)
    {
        var span = writer.Reserve(name.Length + labels.Length + extra.Length + 4 + NumberRoom);
        var n = WritePrefix(span, name, labels, extra);
        n += FormatDouble(value, span[n..]);
        span[n++] = (byte)'\n';
        writer.Commit(n);
    }

    private static int FormatDouble(double value, Span<byte> destination)
    {
        if (double.IsFinite(value))
        {
            // Integral values take the integer path: shorter text and no exponent for counts kept as doubles.
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
            {
                Utf8Formatter.TryFormat((long)value, destination, out var w);
                return w;
            }

            value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
            return written;
        }

        ReadOnlySpan<byte> text = double.IsNaN(value) ? "NaN"u8 : value > 0 ? "+Inf"u8 : "-Inf"u8;
        text.CopyTo(destination);
        return text.Length;
    }

    private static int WritePrefix(Span<byte> span, ReadOnlySpan<byte> name, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra)
    {
        name.CopyTo(span);
        var n = name.Length;
        if (labels.Length + extra.Length > 0)
        {
            span[n++] = (byte)'{';
            labels.CopyTo(span[n..]);
            n += labels.Length;
            if (extra.Length > 0)
            {
                if (labels.Length > 0)
                {
                    span[n++] = (byte)',';
                }

                extra.CopyTo(span[n..]);
                n += extra.Length;
            }

            span[n++] = (byte)'}';
        }

        span[n++] = (byte)' ';
        return n;
    }
}
