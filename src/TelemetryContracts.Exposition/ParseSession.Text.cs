using System.Text;

namespace TelemetryContracts.Exposition;

/// <summary>The Prometheus text format 0.0.4, with the rules and messages of prometheus/common expfmt <c>TextParser</c>.</summary>
internal sealed partial class ParseSession
{
    // Resolved sample names: a name maps to the same family for the whole parse (expfmt's setOrCreateCurrentMF is
    // deterministic once a family exists), so the suffix probing runs once per distinct name, not once per line.
    private readonly Dictionary<string, MetricFamily> textResolved = new(StringComparer.Ordinal);
    private string? lastTextName;
    private MetricFamily? lastTextFamily;

    private bool TextLine(ReadOnlySpan<byte> s, bool terminated)
    {
        var p = SkipBlanks(s, 0);
        if (p == s.Length)
        {
            return true;
        }

        var ok = s[p] == '#' ? TextComment(s, p + 1) : TextSample(s, p);
        if (!terminated && ok)
        {
            // expfmt reads to the new-line of every line; input ending inside one is truncated.
            return Fail(s.Length + 1, "unexpected end of input stream");
        }

        return ok;
    }

    private MetricFamily TextSetOrCreate(string name)
    {
        if (byName.TryGetValue(name, out var f))
        {
            return f;
        }

        if (name.Length > 6 && name.EndsWith("_count", StringComparison.Ordinal) && byName.TryGetValue(name[..^6], out f) && f.Type is MetricType.Summary or MetricType.Histogram)
        {
            return f;
        }

        if (name.Length > 4 && name.EndsWith("_sum", StringComparison.Ordinal) && byName.TryGetValue(name[..^4], out f) && f.Type is MetricType.Summary or MetricType.Histogram)
        {
            return f;
        }

        if (name.Length > 7 && name.EndsWith("_bucket", StringComparison.Ordinal) && byName.TryGetValue(name[..^7], out f) && f.Type == MetricType.Histogram)
        {
            return f;
        }

        return NewFamily(name);
    }

    private bool TextComment(ReadOnlySpan<byte> s, int p)
    {
        p = SkipBlanks(s, p);
        var k0 = p;
        while (p < s.Length && !IsBlank(s[p]))
        {
            p++;
        }

        if (p == s.Length)
        {
            return true;
        }

        var keyword = s[k0..p];
        var isHelp = keyword.SequenceEqual("HELP"u8);
        if (!isHelp && !keyword.SequenceEqual("TYPE"u8))
        {
            return true; // A plain comment.
        }

        p = SkipBlanks(s, p);
        var n0 = p;
        p = ScanName(s, p);
        if (p == s.Length)
        {
            return true; // "# HELP name" with nothing after: expfmt takes it as a comment.
        }

        if (!IsBlank(s[p]))
        {
            return Fail(p + 1, "invalid metric name in comment");
        }

        var family = TextSetOrCreate(names.Get(s[n0..p]));
        p = SkipBlanks(s, p);
        if (p == s.Length)
        {
            return true;
        }

        if (isHelp)
        {
            if (family.Help is not null)
            {
                return Fail(k0 + 1, $"second HELP line for metric name {Quote(family.Name)}");
            }

            var help = UnescapeHelp(s, p, strict: true, out var failColumn, out var failMessage);
            if (help is null)
            {
                return Fail(failColumn, failMessage!);
            }

            family.Help = help;
            return true;
        }

        if (family.TypeFixed)
        {
            return Fail(k0 + 1, $"second TYPE line for metric name {Quote(family.Name)}, or TYPE reported after samples");
        }

        var typeToken = s[p..];
        MetricType type;
        if (AsciiEqualsUpper(typeToken, "COUNTER"u8))
        {
            type = MetricType.Counter;
        }
        else if (AsciiEqualsUpper(typeToken, "GAUGE"u8))
        {
            type = MetricType.Gauge;
        }
        else if (AsciiEqualsUpper(typeToken, "SUMMARY"u8))
        {
            type = MetricType.Summary;
        }
        else if (AsciiEqualsUpper(typeToken, "HISTOGRAM"u8))
        {
            type = MetricType.Histogram;
        }
        else if (AsciiEqualsUpper(typeToken, "GAUGE_HISTOGRAM"u8))
        {
            type = MetricType.GaugeHistogram;
        }
        else if (AsciiEqualsUpper(typeToken, "UNTYPED"u8))
        {
            type = MetricType.Unknown;
        }
        else
        {
            return Fail(p + 1, $"unknown metric type {Quote(typeToken)}");
        }

        family.Type = type;
        family.TypeDeclared = true;
        family.TypeFixed = true;
        return true;
    }

    private static bool AsciiEqualsUpper(ReadOnlySpan<byte> token, ReadOnlySpan<byte> upper)
    {
        if (token.Length != upper.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            var b = token[i];
            if (b is >= (byte)'a' and <= (byte)'z')
            {
                b = (byte)(b - 32);
            }

            if (b != upper[i])
            {
                return false;
            }
        }

        return true;
    }

    private string? UnescapeHelp(ReadOnlySpan<byte> s, int p, bool strict, out int failColumn, out string? failMessage)
    {
        failColumn = 0;
        failMessage = null;
        var rest = s[p..];
        if (rest.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(rest);
        }

        var sb = new List<byte>(rest.Length);
        for (var i = 0; i < rest.Length; i++)
        {
            var b = rest[i];
            if (b != '\\')
            {
                sb.Add(b);
                continue;
            }

            if (i + 1 >= rest.Length)
            {
                if (strict)
                {
                    failColumn = p + i + 2;
                    failMessage = "invalid escape sequence '\\\\n'";
                    return null;
                }

                sb.Add(b);
                break;
            }

            var e = rest[++i];
            switch (e)
            {
                case (byte)'\\':
                case (byte)'"':
                    sb.Add(e);
                    break;
                case (byte)'n':
                    sb.Add((byte)'\n');
                    break;
                default:
                    if (strict)
                    {
                        failColumn = p + i;
                        failMessage = $"invalid escape sequence '\\{(char)e}'";
                        return null;
                    }

                    sb.Add(b);
                    sb.Add(e);
                    break;
            }
        }

        return Encoding.UTF8.GetString(sb.ToArray());
    }

    private bool TextSample(ReadOnlySpan<byte> s, int p)
    {
        var n0 = p;
        p = ScanName(s, p);
        if (p == n0)
        {
            // UTF-8 quoted names ({"name.with.dots"}) are a 2024 extension that Prometheus 2.x does not scrape either.
            return Fail(n0 + 1, "invalid metric name");
        }

        var nameBytes = s[n0..p];
        string name;
        MetricFamily family;
        if (lastTextName is not null && nameBytes.Length == lastTextName.Length && IsSameAscii(nameBytes, lastTextName))
        {
            name = lastTextName;
            family = lastTextFamily!;
        }
        else
        {
            name = names.Get(nameBytes);
            if (!textResolved.TryGetValue(name, out family!))
            {
                family = TextSetOrCreate(name);
                textResolved[name] = family;
            }

            lastTextName = name;
            lastTextFamily = family;
        }

        if (!family.TypeFixed)
        {
            // expfmt fixes the type at the first sample: a later TYPE line is an error.
            family.TypeFixed = true;
            family.Type = MetricType.Unknown;
        }

        if (p < s.Length && IsBlank(s[p]))
        {
            p = SkipBlanks(s, p);
        }

        labels.Clear();
        if (p < s.Length && s[p] == '{')
        {
            p++;
            while (true)
            {
                p = SkipBlanks(s, p);
                if (p < s.Length && s[p] == '}')
                {
                    p++;
                    break;
                }

                var l0 = p;
                p = ScanLabelName(s, p);
                if (p == l0)
                {
                    return Fail(l0 + 1, $"invalid label name for metric {Quote(family.Name)}");
                }

                var labelName = LabelName(s[l0..p]);
                if (p < s.Length && IsBlank(s[p]))
                {
                    p = SkipBlanks(s, p);
                }

                if (p >= s.Length || s[p] != '=')
                {
                    return Fail(p + 1, $"expected '=' after label name, found {QuoteChar(s, p)}");
                }

                if (labelName == "__name__")
                {
                    return Fail(l0 + 1, "label name \"__name__\" is reserved");
                }

                if (HasLabel(labelName))
                {
                    return Fail(l0 + 1, $"duplicate label names for metric {Quote(family.Name)}");
                }

                p = SkipBlanks(s, p + 1);
                if (p >= s.Length || s[p] != '"')
                {
                    return Fail(p + 1, $"expected '\"' at start of label value, found {QuoteChar(s, p)}");
                }

                var v0 = p + 1;
                p = ReadLabelValue(s, v0, strictEscapes: true, out var labelValue, out var failColumn, out var failMessage);
                if (p < 0)
                {
                    return Fail(failColumn, failMessage!);
                }

                if (family.Type == MetricType.Histogram && labelName == "le" && !TryParseFloat(labelValue, out _))
                {
                    return Fail(v0 + 1, $"expected float as value for 'le' label, got {Quote(labelValue)}");
                }

                if (family.Type == MetricType.Summary && labelName == "quantile" && !TryParseFloat(labelValue, out _))
                {
                    return Fail(v0 + 1, $"expected float as value for 'quantile' label, got {Quote(labelValue)}");
                }

                labels.Add(new Label(labelName, labelValue));
                p = SkipBlanks(s, p);
                if (p < s.Length && s[p] == ',')
                {
                    p++;
                    continue;
                }

                if (p < s.Length && s[p] == '}')
                {
                    p++;
                    break;
                }

                return Fail(p + 1, $"unexpected end of label value {Quote(labelValue)}");
            }

            p = SkipBlanks(s, p);
        }

        var val0 = p;
        while (p < s.Length && !IsBlank(s[p]))
        {
            p++;
        }

        if (!ValueParsing.TryParseFloat(s[val0..p], out var value))
        {
            return Fail(val0 + 1, $"expected float as value, got {Quote(s[val0..p])}");
        }

        long? timestamp = null;
        if (p < s.Length)
        {
            p = SkipBlanks(s, p);
            var t0 = p;
            while (p < s.Length && !IsBlank(s[p]))
            {
                p++;
            }

            if (!ValueParsing.TryParseInt64(s[t0..p], out var ts))
            {
                return Fail(t0 + 1, $"expected integer as timestamp, got {Quote(s[t0..p])}");
            }

            if (p < s.Length)
            {
                return Fail(p + 1, $"spurious string after timestamp: {Quote(s[p..])}");
            }

            timestamp = ts;
        }

        return AddSample(family, name, value, timestamp, null);
    }

    private static bool IsSameAscii(ReadOnlySpan<byte> bytes, string s)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != s[i])
            {
                return false;
            }
        }

        return true;
    }
}
