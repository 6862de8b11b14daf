using System.Text;

namespace TelemetryContracts.Exposition;

/// <summary>
/// OpenMetrics 1.0.0: single spaces, contiguous families, descriptors before samples, type-specific sample suffixes,
/// histogram bucket rules and the final <c># EOF</c> (the OpenMetrics specification, "ABNF" and "Metric types").
/// </summary>
internal sealed partial class ParseSession
{
    private static readonly string[] KnownSuffixes = { "_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info" };

    private bool eofSeen;
    private string? lastOmName;
    private MetricFamily? lastOmFamily;
    private string lastOmSuffix = string.Empty;
    private MetricFamily? current;

    // Bucket series state of the current histogram: labels without "le", the last bound and count, and whether +Inf came.
    private Label[]? bucketGroup;
    private double lastLe;
    private double lastBucketCount;
    private double infCount;
    private bool hasInf;

    private bool OpenMetricsLine(ReadOnlySpan<byte> s, bool terminated)
    {
        if (eofSeen)
        {
            return Fail(1, "unexpected data after \"# EOF\"");
        }

        if (s.Length == 0)
        {
            return Fail(1, "unexpected empty line: OpenMetrics does not allow blank lines");
        }

        if (s[0] == '#')
        {
            return OpenMetricsDescriptor(s);
        }

        return OpenMetricsSample(s);
    }

    private bool FinishFamily()
    {
        if (current is not null && current.Type is MetricType.Histogram or MetricType.GaugeHistogram && bucketGroup is not null && !hasInf)
        {
            return Fail(1, $"histogram {Quote(current.Name)} has a bucket series without an le=\"+Inf\" bucket");
        }

        bucketGroup = null;
        current = null;
        return true;
    }

    private bool OpenMetricsDescriptor(ReadOnlySpan<byte> s)
    {
        if (s.SequenceEqual("# EOF"u8))
        {
            if (!FinishFamily())
            {
                return false;
            }

            eofSeen = true;
            return true;
        }

        if (s.Length < 2 || s[1] != ' ')
        {
            return Fail(2, "expected a space after '#': OpenMetrics allows only \"# HELP\", \"# TYPE\", \"# UNIT\" and \"# EOF\" lines");
        }

        var k0 = 2;
        var p = k0;
        while (p < s.Length && s[p] != ' ')
        {
            p++;
        }

        var keyword = s[k0..p];
        var kind = keyword.SequenceEqual("HELP"u8) ? 'H' : keyword.SequenceEqual("TYPE"u8) ? 'T' : keyword.SequenceEqual("UNIT"u8) ? 'U' : '\0';
        if (kind == '\0')
        {
            return Fail(k0 + 1, $"unexpected comment {Quote(keyword)}: OpenMetrics allows only \"# HELP\", \"# TYPE\", \"# UNIT\" and \"# EOF\" lines");
        }

        if (p >= s.Length)
        {
            return Fail(p + 1, "expected a space and a metric name after " + Quote(keyword));
        }

        var n0 = ++p;
        p = ScanName(s, p);
        if (p == n0 || (p < s.Length && s[p] != ' '))
        {
            return Fail(n0 + 1, "invalid metric name in comment");
        }

        var name = names.Get(s[n0..p]);
        var family = current;
        if (family is null || !ReferenceEquals(family.Name, name) && family.Name != name)
        {
            if (byName.TryGetValue(name, out var existing))
            {
                return Fail(1, $"second TYPE line for metric name {Quote(existing.Name)}, or TYPE reported after samples: a metric family's lines must be contiguous and its metadata must come first");
            }

            if (!FinishFamily())
            {
                return false;
            }

            family = NewFamily(name);
            current = family;
        }

        var rest = p < s.Length ? s[(p + 1)..] : ReadOnlySpan<byte>.Empty;
        var restColumn = p + 2;
        if (kind == 'T')
        {
            if (family.TypeDeclared || family.SampleList.Count > 0)
            {
                return Fail(1, $"second TYPE line for metric name {Quote(name)}, or TYPE reported after samples");
            }

            MetricType? type = rest switch
            {
                _ when rest.SequenceEqual("counter"u8) => MetricType.Counter,
                _ when rest.SequenceEqual("gauge"u8) => MetricType.Gauge,
                _ when rest.SequenceEqual("histogram"u8) => MetricType.Histogram,
                _ when rest.SequenceEqual("gaugehistogram"u8) => MetricType.GaugeHistogram,
                _ when rest.SequenceEqual("summary"u8) => MetricType.Summary,
                _ when rest.SequenceEqual("stateset"u8) => MetricType.StateSet,
                _ when rest.SequenceEqual("info"u8) => MetricType.Info,
                _ when rest.SequenceEqual("unknown"u8) => MetricType.Unknown,
                _ => null,
            };
            if (type is null)
            {
                return Fail(restColumn, $"unknown metric type {Quote(rest)}");
            }

            family.Type = type.Value;
            family.TypeDeclared = true;
            return true;
        }

        if (family.SampleList.Count > 0)
        {
            return Fail(1, $"{(kind == 'H' ? "HELP" : "UNIT")} line for metric name {Quote(name)} reported after its samples");
        }

        if (kind == 'H')
        {
            if (family.Help is not null)
            {
                return Fail(1, $"second HELP line for metric name {Quote(name)}");
            }

            family.Help = UnescapeHelp(s, Math.Min(p + 1, s.Length), strict: false, out _, out _) ?? string.Empty;
            return true;
        }

        if (family.Unit is not null)
        {
            return Fail(1, $"second UNIT line for metric name {Quote(name)}");
        }

        var unit = Encoding.UTF8.GetString(rest);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            return Fail(restColumn, $"unit {Quote(unit)} is not a suffix of metric name {Quote(name)}");
        }

        family.Unit = unit;
        return true;
    }

    /// <summary>Which sample names a family of <paramref name="type"/> may expose, by suffix after the family name.</summary>
    private static bool SuffixAllowed(MetricType type, string suffix) => type switch
    {
        MetricType.Counter => suffix is "_total" or "_created",
        MetricType.Histogram => suffix is "_bucket" or "_count" or "_sum" or "_created",
        MetricType.GaugeHistogram => suffix is "_bucket" or "_gcount" or "_gsum",
        MetricType.Summary => suffix is "" or "_count" or "_sum" or "_created",
        MetricType.Info => suffix is "_info",
        _ => suffix.Length == 0,
    };

    private static string ExpectedNames(MetricFamily f) => f.Type switch
    {
        MetricType.Counter => $"{f.Name}_total or {f.Name}_created",
        MetricType.Histogram => $"{f.Name}_bucket, {f.Name}_count, {f.Name}_sum or {f.Name}_created",
        MetricType.GaugeHistogram => $"{f.Name}_bucket, {f.Name}_gcount or {f.Name}_gsum",
        MetricType.Summary => $"{f.Name}, {f.Name}_count, {f.Name}_sum or {f.Name}_created",
        MetricType.Info => $"{f.Name}_info",
        _ => f.Name,
    };

    private static string TypeName(MetricType t) => t switch
    {
        MetricType.GaugeHistogram => "gaugehistogram",
        MetricType.StateSet => "stateset",
        _ => t.ToString().ToLowerInvariant(),
    };

    private bool OpenMetricsSample(ReadOnlySpan<byte> s)
    {
        var p = ScanName(s, 0);
        if (p == 0)
        {
            return Fail(1, "invalid metric name");
        }

        var nameBytes = s[..p];
        string name;
        if (lastOmName is not null && nameBytes.Length == lastOmName.Length && IsSameAscii(nameBytes, lastOmName))
        {
            name = lastOmName;
        }
        else
        {
            name = names.Get(nameBytes);
        }

        // Which family does this sample belong to? The current one when the suffix fits its type; otherwise a new
        // family, which must not be one seen before (families may not be interleaved).
        var family = current;
        string suffix = string.Empty;
        if (family is not null && ReferenceEquals(name, lastOmName) && ReferenceEquals(family, lastOmFamily))
        {
            suffix = lastOmSuffix;
        }
        else if (family is not null && name.StartsWith(family.Name, StringComparison.Ordinal))
        {
            suffix = name.Length == family.Name.Length ? string.Empty : name[family.Name.Length..];
            if (!SuffixAllowed(family.Type, suffix))
            {
                if (suffix.Length == 0 || Array.IndexOf(KnownSuffixes, suffix) >= 0)
                {
                    return Fail(1, $"sample name {Quote(name)} is not valid for {TypeName(family.Type)} metric family {Quote(family.Name)}: expected {ExpectedNames(family)}");
                }

                family = null;
            }
        }
        else
        {
            family = null;
        }

        if (family is null)
        {
            if (byName.TryGetValue(name, out var clash) || TryFindBase(name, out clash))
            {
                return Fail(1, $"metric family {Quote(clash!.Name)} appears again after other families: OpenMetrics requires each family's lines to be contiguous");
            }

            if (!FinishFamily())
            {
                return false;
            }

            family = NewFamily(name);
            current = family;
            suffix = string.Empty;
        }

        lastOmName = name;
        lastOmFamily = family;
        lastOmSuffix = suffix;
        labels.Clear();
        if (p < s.Length && s[p] == '{')
        {
            p = OpenMetricsLabels(s, p + 1, family.Name);
            if (p < 0)
            {
                return false;
            }
        }

        if (p >= s.Length)
        {
            return Fail(p + 1, "expected a space and a value after the metric name and labels");
        }

        if (s[p] != ' ')
        {
            return Fail(p + 1, $"expected a space before the value, found {QuoteChar(s, p)}");
        }

        var v0 = ++p;
        while (p < s.Length && s[p] != ' ')
        {
            p++;
        }

        if (!ValueParsing.TryParseFloat(s[v0..p], out var value))
        {
            return Fail(v0 + 1, $"expected float as value, got {Quote(s[v0..p])}");
        }

        long? timestamp = null;
        Exemplar? exemplar = null;
        if (p < s.Length)
        {
            p++;
            if (p < s.Length && s[p] != '#')
            {
                var t0 = p;
                while (p < s.Length && s[p] != ' ')
                {
                    p++;
                }

                if (!ValueParsing.TryParseFloat(s[t0..p], out var ts) || double.IsNaN(ts) || double.IsInfinity(ts))
                {
                    return Fail(t0 + 1, $"expected a timestamp in seconds after the value, got {Quote(s[t0..p])}");
                }

                timestamp = (long)Math.Round(ts * 1000);
                if (p < s.Length)
                {
                    p++;
                }
            }

            if (p < s.Length || s[p - 1] == ' ')
            {
                if (p >= s.Length || s[p] != '#')
                {
                    return Fail(p + 1, $"unexpected {QuoteChar(s, p)} after the sample value: expected a timestamp or \" # \" and an exemplar");
                }

                if (!(family.Type == MetricType.Counter && suffix == "_total") &&
                    !(family.Type is MetricType.Histogram or MetricType.GaugeHistogram && suffix == "_bucket"))
                {
                    return Fail(p + 1, $"exemplars are allowed only on counter _total and histogram _bucket samples, not on {Quote(name)}");
                }

                exemplar = OpenMetricsExemplar(s, p + 1);
                if (exemplar is null)
                {
                    return false;
                }
            }
        }

        return CheckTypeRules(family, name, suffix, value, v0) && AddSample(family, name, value, timestamp, exemplar);
    }

    private bool TryFindBase(string name, out MetricFamily? family)
    {
        foreach (var suffix in KnownSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) &&
                byName.TryGetValue(name[..^suffix.Length], out family) && SuffixAllowed(family.Type, suffix))
            {
                return true;
            }
        }

        family = null;
        return false;
    }

    /// <summary>Reads labels after '{' up to and including '}'; returns the index after '}', or -1 after failing.</summary>
    private int OpenMetricsLabels(ReadOnlySpan<byte> s, int p, string familyName)
    {
        if (p < s.Length && s[p] == '}')
        {
            return p + 1;
        }

        while (true)
        {
            var l0 = p;
            p = ScanLabelName(s, p);
            if (p == l0)
            {
                Fail(l0 + 1, $"invalid label name for metric {Quote(familyName)}");
                return -1;
            }

            var labelName = LabelName(s[l0..p]);
            if (p >= s.Length || s[p] != '=')
            {
                Fail(p + 1, $"expected '=' after label name, found {QuoteChar(s, p)}");
                return -1;
            }

            if (HasLabel(labelName))
            {
                Fail(l0 + 1, $"duplicate label names for metric {Quote(familyName)}");
                return -1;
            }

            p++;
            if (p >= s.Length || s[p] != '"')
            {
                Fail(p + 1, $"expected '\"' at start of label value, found {QuoteChar(s, p)}");
                return -1;
            }

            p = ReadLabelValue(s, p + 1, strictEscapes: false, out var labelValue, out var failColumn, out var failMessage);
            if (p < 0)
            {
                Fail(failColumn, failMessage!);
                return -1;
            }

            labels.Add(new Label(labelName, labelValue));
            if (p < s.Length && s[p] == ',')
            {
                p++;
                continue;
            }

            if (p < s.Length && s[p] == '}')
            {
                return p + 1;
            }

            Fail(p + 1, $"unexpected end of label value {Quote(labelValue)}");
            return -1;
        }
    }

    private Exemplar? OpenMetricsExemplar(ReadOnlySpan<byte> s, int p)
    {
        if (p >= s.Length || s[p] != ' ' || p + 1 >= s.Length || s[p + 1] != '{')
        {
            Fail(p + 1, "expected \" {\" and exemplar labels after '#'");
            return null;
        }

        // Exemplar labels go through the same reader; keep the sample's labels aside meanwhile.
        var sampleLabels = labels.ToArray();
        labels.Clear();
        var l0 = p + 1;
        p = OpenMetricsLabels(s, p + 2, "exemplar");
        if (p < 0)
        {
            return null;
        }

        var exemplarLabels = labels.ToArray();
        labels.Clear();
        labels.AddRange(sampleLabels);
        var runes = 0;
        foreach (var l in exemplarLabels)
        {
            runes += l.Name.Length + l.Value.Length;
        }

        if (runes > 128)
        {
            Fail(l0 + 1, $"exemplar label set is {runes} characters long; OpenMetrics allows at most 128");
            return null;
        }

        if (p >= s.Length || s[p] != ' ')
        {
            Fail(p + 1, "expected a space and a value after the exemplar labels");
            return null;
        }

        var v0 = ++p;
        while (p < s.Length && s[p] != ' ')
        {
            p++;
        }

        if (!ValueParsing.TryParseFloat(s[v0..p], out var value))
        {
            Fail(v0 + 1, $"expected float as exemplar value, got {Quote(s[v0..p])}");
            return null;
        }

        double? timestamp = null;
        if (p < s.Length)
        {
            var t0 = ++p;
            while (p < s.Length && s[p] != ' ')
            {
                p++;
            }

            if (!ValueParsing.TryParseFloat(s[t0..p], out var ts))
            {
                Fail(t0 + 1, $"expected a timestamp in seconds after the exemplar value, got {Quote(s[t0..p])}");
                return null;
            }

            if (p < s.Length)
            {
                Fail(p + 1, $"unexpected {Quote(s[p..])} after the exemplar");
                return null;
            }

            timestamp = ts;
        }

        return new Exemplar(LabelSet.Create(exemplarLabels), value, timestamp);
    }

    private bool CheckTypeRules(MetricFamily family, string name, string suffix, double value, int valueIndex)
    {
        switch (family.Type)
        {
            case MetricType.Counter when suffix == "_total" && (value < 0 || double.IsNaN(value)):
                return Fail(valueIndex + 1, $"counter {Quote(name)} must not be negative or NaN, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            case MetricType.StateSet:
                if (LabelValue(family.Name) is null)
                {
                    return Fail(1, $"stateset sample {Quote(name)} has no label named {Quote(family.Name)}");
                }

                if (value is not (0 or 1))
                {
                    return Fail(valueIndex + 1, $"stateset value must be 0 or 1, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                }

                break;
            case MetricType.Info when value != 1:
                return Fail(valueIndex + 1, $"info metric value must be 1, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            case MetricType.Summary when suffix.Length == 0:
                var q = LabelValue("quantile");
                if (q is null || !TryParseFloat(q, out var quantile))
                {
                    return Fail(1, $"expected float as value for 'quantile' label, got {Quote(q ?? string.Empty)}");
                }

                if (quantile is < 0 or > 1 || double.IsNaN(quantile))
                {
                    return Fail(1, $"quantile must be between 0 and 1, got {Quote(q)}");
                }

                break;
            case MetricType.Histogram or MetricType.GaugeHistogram:
                return CheckHistogram(family, suffix, value, valueIndex);
        }

        return true;
    }

    private bool CheckHistogram(MetricFamily family, string suffix, double value, int valueIndex)
    {
        if (suffix == "_bucket")
        {
            var le = LabelValue("le");
            if (le is null)
            {
                return Fail(1, $"histogram bucket of {Quote(family.Name)} has no 'le' label");
            }

            if (!TryParseFloat(le, out var bound) || double.IsNaN(bound))
            {
                return Fail(1, $"expected float as value for 'le' label, got {Quote(le)}");
            }

            if (value < 0 || double.IsNaN(value))
            {
                return Fail(valueIndex + 1, $"histogram bucket count must not be negative or NaN, got {Quote(value.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            }

            if (bucketGroup is null || !SameLabelsExceptLe(bucketGroup))
            {
                if (bucketGroup is not null && !hasInf)
                {
                    return Fail(1, $"histogram {Quote(family.Name)} has a bucket series without an le=\"+Inf\" bucket before this one starts");
                }

                bucketGroup = LabelsExceptLe();
                hasInf = false;
            }
            else
            {
                if (bound <= lastLe)
                {
                    return Fail(1, $"histogram buckets must be in ascending order of 'le': le={Quote(le)} after le={Quote(lastLe.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                }

                if (value < lastBucketCount)
                {
                    return Fail(valueIndex + 1, $"histogram bucket counts must be cumulative: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is less than the previous bucket's {lastBucketCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                }
            }

            lastLe = bound;
            lastBucketCount = value;
            if (double.IsPositiveInfinity(bound))
            {
                hasInf = true;
                infCount = value;
            }

            return true;
        }

        if (suffix is "_count" or "_gcount" && bucketGroup is not null && hasInf && SameLabelsExceptLe(bucketGroup) && value != infCount)
        {
            return Fail(valueIndex + 1, $"histogram {Quote(family.Name)} count {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} differs from its le=\"+Inf\" bucket {infCount.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return true;
    }

    private Label[] LabelsExceptLe()
    {
        var result = new List<Label>(labels.Count);
        foreach (var l in labels)
        {
            if (l.Name != "le")
            {
                result.Add(l);
            }
        }

        return result.ToArray();
    }

    private bool SameLabelsExceptLe(Label[] group)
    {
        var i = 0;
        foreach (var l in labels)
        {
            if (l.Name == "le")
            {
                continue;
            }

            if (i >= group.Length || group[i].Name != l.Name || group[i].Value != l.Value)
            {
                return false;
            }

            i++;
        }

        return i == group.Length;
    }
}
