using System.Text;

namespace TelemetryContracts.Exposition.Tests;

/// <summary>A broken or hostile endpoint must end with an error after a bounded read, never with an OOM.</summary>
public class ExpositionParserLimitTests
{
    [Fact]
    public async Task FiftyMegabytesWithoutNewLine_StopsAtTheLineLimitAfterABoundedRead()
    {
        using var stream = new CountingGarbageStream(50L * 1024 * 1024, newlineEvery: 0);
        var parser = new ExpositionParser(new ExpositionParserOptions { MaxLineLength = 64 * 1024 });

        var result = await parser.ParseAsync(stream, ExpositionFormat.PrometheusText);

        Assert.Equal(1, result.Error!.Line);
        Assert.StartsWith("line is longer than the limit of 65536 bytes", result.Error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 1024 * 1024, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task FiftyMegabytesOfValidLines_StopsAtTheByteLimit()
    {
        using var stream = new CountingGarbageStream(50L * 1024 * 1024, newlineEvery: 0, validLines: true);
        var parser = new ExpositionParser(new ExpositionParserOptions { MaxBytes = 1024 * 1024 });

        var result = await parser.ParseAsync(stream, ExpositionFormat.PrometheusText);

        Assert.StartsWith("exposition is larger than the limit of 1048576 bytes", result.Error!.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 2 * 1024 * 1024, $"read {stream.BytesRead} bytes");
        Assert.True(result.Error.Line > 10_000);
    }

    [Fact]
    public void SampleLimit_EndsWithAnError()
    {
        var text = string.Concat(Enumerable.Range(0, 20).Select(i => $"m{{i=\"{i}\"}} 1\n"));
        var result = new ExpositionParser(new ExpositionParserOptions { MaxSamples = 10 }).Parse(Encoding.UTF8.GetBytes(text), ExpositionFormat.PrometheusText);

        Assert.Equal((11, "more than 10 samples; stopped reading"), (result.Error!.Line, result.Error.Message));
        Assert.Equal(10, result.Families[0].Samples.Count);
    }

    [Fact]
    public void HtmlErrorPage_IsRejectedOnItsFirstLine()
    {
        var result = new ExpositionParser().Parse("<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n"u8, ExpositionFormat.PrometheusText);

        Assert.Equal((1, 1, "invalid metric name"), (result.Error!.Line, result.Error.Column, result.Error.Message));
    }

    /// <summary>Produces <c>length</c> bytes on demand (garbage or valid sample lines) and counts what was read.</summary>
    private sealed class CountingGarbageStream(long length, int newlineEvery, bool validLines = false) : Stream
    {
        private static readonly byte[] Line = "garbage_metric{instance=\"x\"} 1\n"u8.ToArray();

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            for (var i = 0; i < n; i++)
            {
                var pos = BytesRead + i;
                buffer[offset + i] = validLines ? Line[pos % Line.Length] : (newlineEvery > 0 && pos % newlineEvery == 0 ? (byte)'\n' : (byte)'x');
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
