using System.Globalization;
using System.Text;

namespace TelemetryContracts.Runtime.Tests;

/// <summary>
/// A deliberately strict reader of Prometheus text 0.0.4 / OpenMetrics used to verify scrapes: every line must
/// parse, every sample must belong to a family declared by TYPE, series must be unique, histogram buckets must be
/// cumulative, end in +Inf and agree with _count, and OpenMetrics must end with # EOF. Throws FormatException with
/// the line number on the first violation.
/// </summary>
internal static class StrictExpositionReader
{
    public sealed record Sample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
    {
        public string Label(string name) => Labels.First(l => l.Key == name).Value;
    }

    public sealed record Exposition(IReadOnlyDictionary<string, string> Types, IReadOnlyList<Sample> Samples)
    {
        public IEnumerable<Sample> Named(string name) => Samples.Where(s => s.Name == name);
    }

    public static Exposition Read(string text, bool openMetrics)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!text.EndsWith('\n'))
        {
            throw new FormatException("exposition does not end with a line feed");
        }

        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = $"line {i + 1} '{line}'";
            if (openMetrics && line == "# EOF")
            {
                if (i != lines.Length - 1)
                {
                    throw new FormatException($"{at}: # EOF is not the last line");
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length < 3 || parts[0] != "#" || parts[1] is not ("HELP" or "TYPE" or "UNIT"))
                {
                    throw new FormatException($"{at}: malformed comment");
                }

                if (parts[1] == "TYPE")
                {
                    if (parts.Length != 4 || parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped" or "unknown"))
                    {
                        throw new FormatException($"{at}: bad TYPE");
                    }

                    if (!types.TryAdd(parts[2], parts[3]))
                    {
                        throw new FormatException($"{at}: family declared twice");
                    }
                }

                continue;
            }

            if (line.Length == 0)
            {
                throw new FormatException($"{at}: empty line");
            }

            var sample = ParseSample(line, at);
            var family = FamilyOf(sample.Name, types, openMetrics) ?? throw new FormatException($"{at}: sample without a TYPE line");
            var key = sample.Name + "{" + string.Join(",", sample.Labels.Select(l => l.Key + "=" + l.Value)) + "}";
            if (!seen.Add(key))
            {
                throw new FormatException($"{at}: duplicate series {key}");
            }

            samples.Add(sample);
            _ = family;
        }

        if (openMetrics && (lines.Length == 0 || lines[^1] != "# EOF"))
        {
            throw new FormatException("OpenMetrics exposition does not end with # EOF");
        }

        CheckHistograms(types, samples);
        return new Exposition(types, samples);
    }

    private static string? FamilyOf(string sampleName, Dictionary<string, string> types, bool openMetrics)
    {
        if (types.ContainsKey(sampleName))
        {
            return sampleName;
        }

        foreach (var suffix in new[] { "_total", "_bucket", "_sum", "_count", "_created" })
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal))
            {
                var baseName = sampleName[..^suffix.Length];
                if (types.TryGetValue(baseName, out var type) && (suffix == "_total" ? type == "counter" : type == "histogram"))
                {
                    return baseName;
                }
            }
        }

        return null;
    }

    private static void CheckHistograms(Dictionary<string, string> types, List<Sample> samples)
    {
        foreach (var (name, type) in types)
        {
            if (type != "histogram")
            {
                continue;
            }

            var groups = samples.Where(s => s.Name == name + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").Select(l => l.Key + "=" + l.Value)));
            foreach (var group in groups)
            {
                var previous = -1.0;
                var previousLe = double.NegativeInfinity;
                foreach (var bucket in group)
                {
                    var le = ParseValue(bucket.Label("le"), "le");
                    if (!(le > previousLe))
                    {
                        throw new FormatException($"{name}{{{group.Key}}}: le {le} not ascending");
                    }

                    if (bucket.Value < previous)
                    {
                        throw new FormatException($"{name}{{{group.Key}}}: bucket le={le} has {bucket.Value} < {previous}, not cumulative");
                    }

                    previous = bucket.Value;
                    previousLe = le;
                }

                if (!double.IsPositiveInfinity(previousLe))
                {
                    throw new FormatException($"{name}{{{group.Key}}}: no +Inf bucket");
                }

                var count = samples.SingleOrDefault(s => s.Name == name + "_count" && string.Join(",", s.Labels.Select(l => l.Key + "=" + l.Value)) == group.Key)
                    ?? throw new FormatException($"{name}{{{group.Key}}}: no _count");
                if (count.Value != previous)
                {
                    throw new FormatException($"{name}{{{group.Key}}}: _count {count.Value} differs from +Inf bucket {previous}");
                }

                _ = samples.SingleOrDefault(s => s.Name == name + "_sum" && string.Join(",", s.Labels.Select(l => l.Key + "=" + l.Value)) == group.Key)
                    ?? throw new FormatException($"{name}{{{group.Key}}}: no _sum");
            }
        }
    }

    private static Sample ParseSample(string line, string at)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
        {
            i++;
        }

        if (i == 0 || char.IsAsciiDigit(line[0]))
        {
            throw new FormatException($"{at}: bad metric name");
        }

        var name = line[..i];
        var labels = new List<KeyValuePair<string, string>>();
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                var start = i;
                while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
                {
                    i++;
                }

                if (i == start || i + 1 >= line.Length || line[i] != '=' || line[i + 1] != '"')
                {
                    throw new FormatException($"{at}: bad label at column {i + 1}");
                }

                var labelName = line[start..i];
                i += 2;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException($"{at}: unterminated label value");
                    }

                    var c = line[i++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\')
                    {
                        if (i >= line.Length)
                        {
                            throw new FormatException($"{at}: dangling escape");
                        }

                        var e = line[i++];
                        value.Append(e switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"{at}: bad escape \\{e}"),
                        });
                    }
                    else
                    {
                        value.Append(c);
                    }
                }

                if (labels.Any(l => l.Key == labelName))
                {
                    throw new FormatException($"{at}: label {labelName} repeated");
                }

                labels.Add(new(labelName, value.ToString()));
                if (i < line.Length && line[i] == ',')
                {
                    i++;
                    continue;
                }

                if (i < line.Length && line[i] == '}')
                {
                    i++;
                    break;
                }

                throw new FormatException($"{at}: expected , or }} at column {i + 1}");
            }
        }

        if (i >= line.Length || line[i] != ' ')
        {
            throw new FormatException($"{at}: expected a space before the value");
        }

        var rest = line[(i + 1)..];
        if (rest.Contains(' '))
        {
            throw new FormatException($"{at}: unexpected timestamp or trailing text");
        }

        return new Sample(name, labels, ParseValue(rest, at));
    }

    private static double ParseValue(string text, string at) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !text.Contains(',')
            ? v
            : throw new FormatException($"{at}: bad value '{text}'"),
    };
}
