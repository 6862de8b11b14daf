using System.Text;
using System.Text.Unicode;

namespace TelemetryContracts.Exposition;

/// <summary>
/// The line-by-line state machine behind <see cref="ExpositionParser"/>: it sees one line at a time as a UTF-8 span
/// (never a string), so memory stays bounded by the line limit plus the model being built. Stops at the first error,
/// like expfmt and the OpenMetrics reference parsers, because the state after a syntax error is unreliable.
/// </summary>
internal sealed partial class ParseSession
{
    private readonly ExpositionFormat format;
    private readonly ExpositionParserOptions options;
    private readonly NameTable names;
    private readonly NameTable values;
    private readonly List<MetricFamily> families = new();
    private readonly Dictionary<string, MetricFamily> byName = new(StringComparer.Ordinal);
    private readonly List<Label> labels = new(16);
    private Label[] labelBlock = Array.Empty<Label>();
    private int labelBlockUsed;
    private byte[] scratch = new byte[256];

    // Consecutive lines repeat the same label names (and often values) at the same position: a byte comparison with
    // the previous line's entry skips hashing for them.
    private readonly PositionalCache labelNameCache = new();
    private readonly PositionalCache labelValueCache = new();
    private byte[]? lineCopy;
    private int line;
    private int sampleCount;
    private long bytes;
    private ExpositionError? error;

    public ParseSession(ExpositionFormat format, ExpositionParserOptions options, NameTable names, NameTable values)
    {
        this.format = format;
        this.options = options;
        this.names = names;
        this.values = values;
    }

    public bool Failed => error is not null;

    /// <summary>Accounts for bytes read; false (with an error) once the size limit is passed.</summary>
    public bool AddBytes(long count)
    {
        bytes += count;
        if (bytes > options.MaxBytes)
        {
            error ??= new ExpositionError(line + 1, 1, $"exposition is larger than the limit of {options.MaxBytes} bytes; stopped reading", format, IsLimitExceeded: true);
            return false;
        }

        return true;
    }

    public void LineTooLong(long length)
    {
        error ??= new ExpositionError(line + 1, 1, $"line is longer than the limit of {options.MaxLineLength} bytes ({length} bytes without a new-line); stopped reading", format, IsLimitExceeded: true);
    }

    /// <summary>A scratch buffer to assemble a line split across buffer segments.</summary>
    public Span<byte> LineBuffer(int length)
    {
        if (lineCopy is null || lineCopy.Length < length)
        {
            lineCopy = new byte[Math.Max(length, 4096)];
        }

        return lineCopy.AsSpan(0, length);
    }

    /// <summary>Processes one line without its new-line; <paramref name="terminated"/> is false for a last line without one.</summary>
    public bool ProcessLine(ReadOnlySpan<byte> s, bool terminated)
    {
        if (error is not null)
        {
            return false;
        }

        line++;
        return format == ExpositionFormat.OpenMetrics ? OpenMetricsLine(s, terminated) : TextLine(s, terminated);
    }

    public ExpositionParseResult Complete()
    {
        if (error is null)
        {
            if (format == ExpositionFormat.OpenMetrics)
            {
                if (!eofSeen)
                {
                    Fail(line + 1, 1, "unexpected end of input stream: OpenMetrics requires a final \"# EOF\" line");
                }
            }
        }

        return new ExpositionParseResult(format, families, error, bytes, line);
    }

    private bool Fail(int column, string message) => Fail(line, column, message);

    private bool Fail(int atLine, int column, string message)
    {
        error ??= new ExpositionError(Math.Max(atLine, 1), column, message, format);
        return false;
    }

    private MetricFamily NewFamily(string name)
    {
        var f = new MetricFamily(name, line);
        families.Add(f);
        byName[name] = f;
        return f;
    }

    private bool AddSample(MetricFamily family, string name, double value, long? timestampMs, Exemplar? exemplar)
    {
        if (++sampleCount > options.MaxSamples)
        {
            error ??= new ExpositionError(line, 1, $"more than {options.MaxSamples} samples; stopped reading", format, IsLimitExceeded: true);
            return false;
        }

        family.SampleList.Add(new Sample(name, StoreLabels(labels), value, timestampMs, exemplar, line));
        return true;
    }

    /// <summary>Copies <paramref name="source"/> into the current label block.</summary>
    private LabelSet StoreLabels(List<Label> source)
    {
        var count = source.Count;
        if (count == 0)
        {
            return LabelSet.Empty;
        }

        if (labelBlockUsed + count > labelBlock.Length)
        {
            // Start at 256 labels for small expositions; then 4096 labels = 64 KiB, large enough to amortise and
            // small enough to stay off the large object heap.
            labelBlock = new Label[Math.Max(labelBlock.Length == 0 ? 256 : 4096, count)];
            labelBlockUsed = 0;
        }

        source.CopyTo(labelBlock, labelBlockUsed);
        var set = new LabelSet(labelBlock, labelBlockUsed, count);
        labelBlockUsed += count;
        return set;
    }

    private static int SkipBlanks(ReadOnlySpan<byte> s, int p)
    {
        while (p < s.Length && (s[p] == ' ' || s[p] == '\t'))
        {
            p++;
        }

        return p;
    }

    private static bool IsBlank(byte b) => b == ' ' || b == '\t';

    private static bool IsNameStart(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == '_' || b == ':';

    private static bool IsNameChar(byte b) => IsNameStart(b) || (uint)(b - '0') <= 9;

    private static bool IsLabelStart(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == '_';

    private static bool IsLabelChar(byte b) => IsLabelStart(b) || (uint)(b - '0') <= 9;

    private static int ScanName(ReadOnlySpan<byte> s, int p)
    {
        if (p < s.Length && IsNameStart(s[p]))
        {
            p++;
            while (p < s.Length && IsNameChar(s[p]))
            {
                p++;
            }
        }

        return p;
    }

    private static int ScanLabelName(ReadOnlySpan<byte> s, int p)
    {
        if (p < s.Length && IsLabelStart(s[p]))
        {
            p++;
            while (p < s.Length && IsLabelChar(s[p]))
            {
                p++;
            }
        }

        return p;
    }

    /// <summary>Go's %q of a byte, as expfmt prints the unexpected character.</summary>
    private static string QuoteChar(ReadOnlySpan<byte> s, int p)
    {
        if (p >= s.Length)
        {
            return "'\\n'";
        }

        var b = s[p];
        return b switch
        {
            (byte)'\t' => "'\\t'",
            (byte)'\'' => "'\\''",
            (byte)'\\' => "'\\\\'",
            < 0x20 or >= 0x7f => $"'\\x{b:x2}'",
            _ => $"'{(char)b}'",
        };
    }

    /// <summary>Go's %q of a string, for messages.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string Quote(ReadOnlySpan<byte> s) => Quote(Encoding.UTF8.GetString(s));

    /// <summary>
    /// Reads a quoted label value starting after its opening quote. Returns the index after the closing quote, or -1
    /// with <paramref name="failColumn"/>/<paramref name="failMessage"/> set. <paramref name="strictEscapes"/>: the text
    /// format accepts only <c>\\</c>, <c>\"</c>, <c>\n</c>; OpenMetrics parsers keep any other escape as written.
    /// </summary>
    private int ReadLabelValue(ReadOnlySpan<byte> s, int p, bool strictEscapes, out string value, out int failColumn, out string? failMessage)
    {
        failColumn = 0;
        failMessage = null;
        var start = p;
        var rest = s[p..];
        var stop = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (stop >= 0 && rest[stop] == '"')
        {
            var raw = rest[..stop];
            if (labelValueCache.TryGet(labels.Count, raw, out value))
            {
                return p + stop + 1; // Seen (and validated) on the previous line.
            }

            if (!Utf8.IsValid(raw))
            {
                value = string.Empty;
                failColumn = start + 1;
                failMessage = $"invalid label value {Quote(raw)}";
                return -1;
            }

            value = labelValueCache.Get(labels.Count, raw, values);
            return p + stop + 1;
        }

        // Slow path: unescape into the scratch buffer.
        var n = 0;
        var i = p;
        while (true)
        {
            if (i >= s.Length)
            {
                value = Encoding.UTF8.GetString(scratch, 0, n);
                failColumn = i + 1;
                failMessage = $"label value {Quote(value)} contains unescaped new-line";
                return -1;
            }

            var b = s[i];
            if (b == '"')
            {
                break;
            }

            if (n + 2 > scratch.Length)
            {
                Array.Resize(ref scratch, scratch.Length * 2);
            }

            if (b == '\\')
            {
                if (i + 1 >= s.Length)
                {
                    value = Encoding.UTF8.GetString(scratch, 0, n);
                    failColumn = i + 2;
                    failMessage = strictEscapes ? "invalid escape sequence '\\\\n'" : $"label value {Quote(value)} contains unescaped new-line";
                    return -1;
                }

                var e = s[i + 1];
                switch (e)
                {
                    case (byte)'\\':
                    case (byte)'"':
                        scratch[n++] = e;
                        break;
                    case (byte)'n':
                        scratch[n++] = (byte)'\n';
                        break;
                    default:
                        if (strictEscapes)
                        {
                            value = string.Empty;
                            failColumn = i + 1;
                            failMessage = $"invalid escape sequence '\\{(char)e}'";
                            return -1;
                        }

                        scratch[n++] = b;
                        scratch[n++] = e;
                        break;
                }

                i += 2;
                continue;
            }

            scratch[n++] = b;
            i++;
        }

        var unescaped = scratch.AsSpan(0, n);
        if (!Utf8.IsValid(unescaped))
        {
            value = string.Empty;
            failColumn = start + 1;
            failMessage = $"invalid label value {Quote(unescaped)}";
            return -1;
        }

        value = values.Get(unescaped);
        return i + 1;
    }

    /// <summary>The label name at <paramref name="s"/>, through the positional cache.</summary>
    private string LabelName(ReadOnlySpan<byte> s) => labelNameCache.Get(labels.Count, s, names);

    /// <summary>One remembered (bytes, string) pair per label position.</summary>
    private sealed class PositionalCache
    {
        private readonly byte[][] keys = Enumerable.Range(0, 32).Select(_ => new byte[64]).ToArray();
        private readonly int[] lengths = new int[32];
        private readonly string?[] strings = new string?[32];

        public bool TryGet(int position, ReadOnlySpan<byte> utf8, out string value)
        {
            if (position < keys.Length && strings[position] is { } cached && utf8.SequenceEqual(keys[position].AsSpan(0, lengths[position])))
            {
                value = cached;
                return true;
            }

            value = string.Empty;
            return false;
        }

        public string Get(int position, ReadOnlySpan<byte> utf8, NameTable table)
        {
            if (position >= keys.Length)
            {
                return table.Get(utf8);
            }

            var cached = strings[position];
            if (cached is not null && utf8.SequenceEqual(keys[position].AsSpan(0, lengths[position])))
            {
                return cached;
            }

            var value = table.Get(utf8);
            if (utf8.Length <= keys[position].Length)
            {
                utf8.CopyTo(keys[position]);
                lengths[position] = utf8.Length;
                strings[position] = value;
            }
            else
            {
                strings[position] = null;
            }

            return value;
        }
    }

    private static bool TryParseFloat(string text, out double value)
    {
        Span<byte> buffer = stackalloc byte[128];
        if (!Encoding.UTF8.TryGetBytes(text, buffer, out var written))
        {
            value = 0;
            return false;
        }

        return ValueParsing.TryParseFloat(buffer[..written], out value);
    }

    private bool HasLabel(string name)
    {
        foreach (var l in labels)
        {
            if ((object)l.Name == name || l.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private string? LabelValue(string name)
    {
        foreach (var l in labels)
        {
            if (l.Name == name)
            {
                return l.Value;
            }
        }

        return null;
    }
}
