using System.Text;

namespace TelemetryContracts.Exposition.Tests;

/// <summary>Table-driven edge cases with exact line and column, mostly the expfmt and OpenMetrics upstream error cases.</summary>
public class ExpositionParserEdgeCaseTests
{
    private static ExpositionParseResult Parse(string text, ExpositionFormat format) =>
        new ExpositionParser().Parse(Encoding.UTF8.GetBytes(text), format);

    [Theory]
    [InlineData("\nbla 3.14\nblubber 42", 3, 11, "unexpected end of input stream")]
    [InlineData("\nmetric{label=\"new\nline\"} 3.14\n", 2, 18, "label value \"new\" contains unescaped new-line")]
    [InlineData("metric{__name__=\"bla\"} 3.14\n", 1, 8, "label name \"__name__\" is reserved")]
    [InlineData("metric{label+=\"bla\"} 3.14\n", 1, 13, "expected '=' after label name, found '+'")]
    [InlineData("\n# TYPE metric summary\nmetric{quantile=\"bla\"} 3.14\n", 3, 18, "expected float as value for 'quantile' label, got \"bla\"")]
    [InlineData("metric{label=\"bla\"+} 3.14\n", 1, 19, "unexpected end of label value \"bla\"")]
    [InlineData("metric{label=\"bla\"} 3.14 2.72\n", 1, 26, "expected integer as timestamp, got \"2.72\"")]
    [InlineData("metric{label=\"bla\"} 3.14 2 3\n", 1, 27, "spurious string after timestamp: \" 3\"")]
    [InlineData("metric{label=\"bla\"} blubb\n", 1, 21, "expected float as value, got \"blubb\"")]
    [InlineData("\n# HELP metric one\n# HELP metric two\n", 3, 3, "second HELP line for metric name \"metric\"")]
    [InlineData("\n# TYPE metric counter\n# TYPE metric untyped\n", 3, 3, "second TYPE line for metric name \"metric\", or TYPE reported after samples")]
    [InlineData("\n# TYPE metric bla\n", 2, 15, "unknown metric type \"bla\"")]
    [InlineData("\n# TYPE met-ric\n", 2, 11, "invalid metric name in comment")]
    [InlineData("{label=\"bla\"} 3.14 2\n", 1, 1, "invalid metric name")]
    [InlineData("foo 1_2\n", 1, 5, "expected float as value, got \"1_2\"")]
    [InlineData("foo 0x1p-3\n", 1, 5, "expected float as value, got \"0x1p-3\"")]
    [InlineData("foo 0X1\n", 1, 5, "expected float as value, got \"0X1\"")]
    [InlineData("metric{label=\"bla\",label=\"bla\"} 3.14\n", 1, 20, "duplicate label names for metric \"metric\"")]
    [InlineData("\n# TYPE metric histogram\nmetric_bucket{le=\"0x1p-3\"} 3.14\n", 3, 19, "expected float as value for 'le' label, got \"0x1p-3\"")]
    [InlineData("metric 1 \n", 1, 10, "expected integer as timestamp, got \"\"")]
    [InlineData("ok 1\nmetric{a=\"b\"} 1\r\n", 2, 15, "expected float as value, got \"1\\r\"")]
    public void TextFormatError_IsLocated(string input, int line, int column, string message)
    {
        var result = Parse(input, ExpositionFormat.PrometheusText);

        Assert.NotNull(result.Error);
        Assert.Equal((line, column, message), (result.Error!.Line, result.Error.Column, result.Error.Message));
        Assert.StartsWith($"text format parsing error in line {line}, column {column}: ", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TextFormatInvalidUtf8LabelValue_IsRejected()
    {
        var input = new byte[] { (byte)'m', (byte)'{', (byte)'l', (byte)'=', (byte)'"', 0xbd, (byte)'"', (byte)'}', (byte)' ', (byte)'1', (byte)'\n' };
        var result = new ExpositionParser().Parse(input, ExpositionFormat.PrometheusText);

        Assert.Equal((1, 6, "invalid label value \"\uFFFD\""), (result.Error!.Line, result.Error.Column, result.Error.Message));
    }

    [Fact]
    public void TextFormatSpecialValuesAndTimestamps_AreParsed()
    {
        var result = Parse("a +Inf\nb -Inf\nc NaN\nd 1e3 -2\ne{x=\"y\",} .5 1441205977284\n", ExpositionFormat.PrometheusText);

        Assert.True(result.Success, result.Error?.ToString());
        var samples = result.Families.SelectMany(f => f.Samples).ToList();
        Assert.Equal(double.PositiveInfinity, samples[0].Value);
        Assert.Equal(double.NegativeInfinity, samples[1].Value);
        Assert.True(double.IsNaN(samples[2].Value));
        Assert.Equal((1000d, -2L), (samples[3].Value, samples[3].TimestampMilliseconds!.Value));
        Assert.Equal((0.5, 1441205977284L, "y"), (samples[4].Value, samples[4].TimestampMilliseconds!.Value, samples[4].GetLabel("x")));
    }

    [Fact]
    public void TextFormatSummaryAndHistogramSuffixes_JoinTheirFamily()
    {
        var result = Parse("# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum 2\ns_count 3\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", ExpositionFormat.PrometheusText);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(new[] { "s", "h" }, result.Families.Select(f => f.Name));
        Assert.Equal(new[] { "s", "s_sum", "s_count" }, result.Find("s")!.Samples.Select(x => x.Name));
        Assert.Equal(3, result.Find("h")!.Samples.Count);
    }

    [Theory]
    [InlineData("# TYPE a counter\na 1\n# EOF\n", 2, 1, "sample name \"a\" is not valid for counter metric family \"a\": expected a_total or a_created")]
    [InlineData("a 1\n\n# EOF\n", 2, 1, "unexpected empty line: OpenMetrics does not allow blank lines")]
    [InlineData("# EOF\na 1\n", 2, 1, "unexpected data after \"# EOF\"")]
    [InlineData("a 1\nb 1\na 2\n# EOF\n", 3, 1, "metric family \"a\" appears again after other families")]
    [InlineData("# TYPE a counter\na_total 1\nb 1\na_total 2\n# EOF\n", 4, 1, "metric family \"a\" appears again after other families")]
    [InlineData("# TYPE a histogram\na_bucket{le=\"1\"} 0\n# EOF\n", 3, 1, "histogram \"a\" has a bucket series without an le=\"+Inf\" bucket")]
    [InlineData("# TYPE a histogram\na_bucket{le=\"1\"} 2\na_bucket{le=\"+Inf\"} 1\n# EOF\n", 3, 21, "histogram bucket counts must be cumulative")]
    [InlineData("# TYPE a histogram\na_bucket{le=\"+Inf\"} 2\na_count 3\n# EOF\n", 3, 9, "histogram \"a\" count 3 differs from its le=\"+Inf\" bucket 2")]
    [InlineData("# TYPE a stateset\na{a=\"x\"} 2\n# EOF\n", 2, 10, "stateset value must be 0 or 1, got 2")]
    [InlineData("# TYPE a_seconds gauge\n# UNIT a_seconds bytes\n# EOF\n", 2, 18, "unit \"bytes\" is not a suffix of metric name \"a_seconds\"")]
    [InlineData("# TYPE a gauge\na 1 # {t=\"1\"} 1\n# EOF\n", 2, 5, "exemplars are allowed only on counter _total and histogram _bucket samples")]
    [InlineData("a{b=\"c\",} 1\n# EOF\n", 1, 9, "invalid label name for metric \"a\"")]
    [InlineData("a{b = \"c\"} 1\n# EOF\n", 1, 4, "expected '=' after label name, found ' '")]
    [InlineData("# foo\n# EOF\n", 1, 3, "unexpected comment \"foo\"")]
    [InlineData("# TYPE a summary\na{quantile=\"1.5\"} 1\n# EOF\n", 2, 1, "quantile must be between 0 and 1, got \"1.5\"")]
    [InlineData("a 1 \n# EOF\n", 1, 5, "unexpected '\\n' after the sample value")]
    [InlineData("# TYPE a counter\na_total -1\n# EOF\n", 2, 9, "counter \"a_total\" must not be negative or NaN, got -1")]
    [InlineData("a 1\n# TYPE a gauge\n# EOF\n", 2, 1, "second TYPE line for metric name \"a\", or TYPE reported after samples")]
    [InlineData("a 1\n", 2, 1, "unexpected end of input stream: OpenMetrics requires a final \"# EOF\" line")]
    public void OpenMetricsError_IsLocated(string input, int line, int column, string message)
    {
        var result = Parse(input, ExpositionFormat.OpenMetrics);

        Assert.NotNull(result.Error);
        Assert.Equal((line, column), (result.Error!.Line, result.Error.Column));
        Assert.StartsWith(message, result.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"openmetrics format parsing error in line {line}", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenMetricsExemplarsTimestampsAndMetadata_AreKept()
    {
        var result = Parse(
            "# TYPE rpc_seconds histogram\n# UNIT rpc_seconds seconds\n# HELP rpc_seconds RPC \\\"latency\\\"\\nper call.\n" +
            "rpc_seconds_bucket{le=\"0.5\"} 1 # {trace_id=\"abc\"} 0.3 1520879607.789\n" +
            "rpc_seconds_bucket{le=\"+Inf\"} 2 1520879607.789\nrpc_seconds_count 2\nrpc_seconds_sum 0.9\n# EOF",
            ExpositionFormat.OpenMetrics);

        Assert.True(result.Success, result.Error?.ToString());
        var family = Assert.Single(result.Families);
        Assert.Equal(("seconds", "RPC \"latency\"\nper call."), (family.Unit, family.Help));
        var exemplar = family.Samples[0].Exemplar!;
        Assert.Equal(new Label("trace_id", "abc"), Assert.Single(exemplar.Labels));
        Assert.Equal((0.3, 1520879607.789), (exemplar.Value, exemplar.TimestampSeconds!.Value));
        Assert.Equal(1520879607789L, family.Samples[1].TimestampMilliseconds);
    }

    [Fact]
    public void SameParserInstance_ReusesInternedNamesAcrossParses()
    {
        var parser = new ExpositionParser();
        var first = parser.Parse("http_requests_total{method=\"GET\"} 1\n"u8, ExpositionFormat.PrometheusText);
        var second = parser.Parse("http_requests_total{method=\"GET\"} 2\n"u8, ExpositionFormat.PrometheusText);

        var a = first.Families[0].Samples[0];
        var b = second.Families[0].Samples[0];
        Assert.Same(a.Name, b.Name);
        Assert.Same(a.Labels[0].Name, b.Labels[0].Name);
        Assert.Same(a.Labels[0].Value, b.Labels[0].Value);
    }

    [Fact]
    public async Task StreamWithContentType_IsParsedInTheAnnouncedFormat()
    {
        // Valid text format, but not OpenMetrics (no "# EOF"): the content type decides which rules apply.
        var body = Encoding.UTF8.GetBytes("# TYPE a counter\na 1\n");

        var asText = await new ExpositionParser().ParseAsync(new MemoryStream(body), "text/plain; version=0.0.4");
        var asOpenMetrics = await new ExpositionParser().ParseAsync(new MemoryStream(body), "application/openmetrics-text; version=1.0.0");

        Assert.True(asText.Success);
        Assert.Equal((ExpositionFormat.OpenMetrics, 2), (asOpenMetrics.Format, asOpenMetrics.Error!.Line));
    }

    [Theory]
    [InlineData("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.OpenMetrics)]
    [InlineData("text/plain; version=0.0.4; charset=utf-8", ExpositionFormat.PrometheusText)]
    [InlineData("text/html", ExpositionFormat.PrometheusText)]
    [InlineData(null, ExpositionFormat.PrometheusText)]
    public void ContentType_SelectsFormat(string? contentType, ExpositionFormat expected) =>
        Assert.Equal(expected, ExpositionParser.FormatFromContentType(contentType));
}
