using System.IO.Pipelines;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Exposition.Tests;

/// <summary>Every shared corpus file: valid ones parse, invalid ones fail at the line the upstream suites point at.</summary>
public class CorpusTests
{
    private static string Dir(string kind) => Path.Combine(RepoPaths.Corpus, "exposition", kind);

    // OpenMetrics fixtures are named openmetrics__* upstream-suite files or *.om.txt (prometheus textparse testdata).
    internal static ExpositionFormat FormatOf(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith("openmetrics__", StringComparison.Ordinal) || name.EndsWith(".om.txt", StringComparison.Ordinal)
            ? ExpositionFormat.OpenMetrics
            : ExpositionFormat.PrometheusText;
    }

    public static TheoryData<string> ValidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Dir("valid")).OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task ValidCorpusFile_ParsesWithoutError_FromStreamSpanAndSequence(string file)
    {
        var path = Path.Combine(Dir("valid"), file);
        var bytes = await File.ReadAllBytesAsync(path);
        var format = FormatOf(path);

        var fromSpan = new ExpositionParser().Parse(bytes, format);
        Assert.True(fromSpan.Success, fromSpan.Error?.ToString());
        Assert.NotEmpty(fromSpan.Families);
        Assert.Contains(fromSpan.Families, f => f.Samples.Count > 0);

        // A pipe with a tiny buffer splits lines across segments: the result must not depend on chunking.
        await using var stream = File.OpenRead(path);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 7, minimumReadSize: 3));
        var fromPipe = await new ExpositionParser().ParseAsync(pipe, format);
        Assert.True(fromPipe.Success, fromPipe.Error?.ToString());
        Assert.Equal(Describe(fromSpan), Describe(fromPipe));
    }

    // The line each invalid fixture must be rejected at, from the upstream test suites (expfmt text_parse_test.go and
    // the OpenMetrics parser tests): a parser that fails somewhere else for the wrong reason does not pass.
    [Theory]
    [InlineData("common-expfmt__from_test_parse_error_1.txt", 1, "invalid escape sequence '\\t'")]
    [InlineData("common-expfmt__from_test_parse_error_14.txt", 3, "second TYPE line for metric name \"metric\", or TYPE reported after samples")]
    [InlineData("common-expfmt__from_test_parse_error_17.txt", 1, "invalid metric name")]
    [InlineData("common-expfmt__from_test_parse_error_19.txt", 3, "expected float as value for 'le' label, got \"bla\"")]
    [InlineData("common-expfmt__from_test_parse_error_3.txt", 1, "invalid label name for metric \"metric\"")]
    [InlineData("common-expfmt__from_test_parse_error_6.txt", 1, "expected '\"' at start of label value, found 'b'")]
    [InlineData("openmetrics__bad_clashing_names_0.txt", 2, "second TYPE line for metric name \"a\"")]
    [InlineData("openmetrics__bad_exemplars_0.txt", 2, "exemplar")]
    [InlineData("openmetrics__bad_histograms_9.txt", 3, "ascending order of 'le'")]
    [InlineData("openmetrics__bad_invalid_labels_0.txt", 1, "invalid label name")]
    [InlineData("openmetrics__bad_metric_names_0.txt", 1, "invalid metric name")]
    [InlineData("openmetrics__bad_no_eof.txt", 1, "# EOF")]
    [InlineData("openmetrics__bad_value_1.txt", 1, "expected float as value, got \"\"")]
    public void InvalidCorpusFile_IsRejectedAtTheRightLine(string file, int line, string message)
    {
        var path = Path.Combine(Dir("invalid"), file);
        var result = new ExpositionParser().Parse(File.ReadAllBytes(path), FormatOf(path));

        Assert.False(result.Success, "expected a parse error");
        Assert.Equal(line, result.Error!.Line);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryInvalidCorpusFile_HasAnExpectation()
    {
        var covered = typeof(CorpusTests).GetMethod(nameof(InvalidCorpusFile_IsRejectedAtTheRightLine))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
        var files = Directory.GetFiles(Dir("invalid")).Select(f => Path.GetFileName(f)).ToList();
        Assert.All(files, f => Assert.Contains(f, covered));
    }

    [Fact]
    public void NodeExporterE2eOutput_KeepsFamiliesTypesAndLabels()
    {
        var result = new ExpositionParser().Parse(File.ReadAllBytes(Path.Combine(Dir("valid"), "node_exporter__e2e-output.txt")), ExpositionFormat.PrometheusText);

        Assert.True(result.Success, result.Error?.ToString());
        var cpu = result.Find("node_cpu_seconds_total")!;
        Assert.Equal(MetricType.Counter, cpu.Type);
        Assert.Equal("Seconds the CPUs spent in each mode.", cpu.Help);
        Assert.All(cpu.Samples, s => Assert.NotNull(s.GetLabel("mode")));
        Assert.Equal(result.Families.Count, result.Families.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void OpenMetricsHistogram_KeepsBucketsAndExemplarFreeSamplesInOrder()
    {
        var result = new ExpositionParser().Parse(File.ReadAllBytes(Path.Combine(Dir("valid"), "prometheus__1histogram.om.txt")), ExpositionFormat.OpenMetrics);

        var family = Assert.Single(result.Families);
        Assert.Equal(MetricType.Histogram, family.Type);
        Assert.Equal("golang_manual_histogram_seconds", family.Name);
        var buckets = family.Samples.Where(s => s.Name == "golang_manual_histogram_seconds_bucket").ToList();
        Assert.Equal("+Inf", buckets.Where(b => b.GetLabel("port") == "5001").Last().GetLabel("le"));
    }

    [Fact]
    public void OpenMetricsLabelEscaping_UnescapesKnownSequencesAndKeepsOthers()
    {
        var result = new ExpositionParser().Parse(File.ReadAllBytes(Path.Combine(Dir("valid"), "openmetrics__label_escaping.txt")), ExpositionFormat.OpenMetrics);

        string Foo(string family) => result.Find(family)!.Samples[0].GetLabel("foo")!;
        Assert.Equal("\\foo", Foo("a1"));
        Assert.Equal("\\foo", Foo("a2"));
        Assert.Equal("\n", Foo("a5"));
        Assert.Equal("\\n", Foo("a6"));
        Assert.Equal("\\\n", Foo("a7"));
        Assert.Equal("\"", Foo("a8"));
        Assert.Equal("\\\"", Foo("a9"));
    }

    internal static string Describe(ExpositionParseResult r) => string.Join("\n", r.Families.Select(f =>
        $"{f.Name} {f.Type} {f.Help} {f.Unit}: " + string.Join("; ", f.Samples.Select(s =>
            $"{s.Name}{{{string.Join(",", s.Labels)}}} {s.Value} {s.TimestampMilliseconds} @{s.Line}"))));
}
