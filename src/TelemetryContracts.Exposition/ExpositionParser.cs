using System.Buffers;
using System.IO.Pipelines;

namespace TelemetryContracts.Exposition;

/// <summary>
/// Parses Prometheus text format 0.0.4 and OpenMetrics 1.0.0 expositions as a stream of UTF-8 lines: nothing is
/// decoded to a string except the names and values that end up in the model, and those are interned in tables kept by
/// this instance, so parsing the same endpoint again reuses them. An instance is not thread-safe; use one per task.
/// </summary>
public sealed class ExpositionParser
{
    private readonly NameTable names = new(maxEntries: 1 << 17);
    private readonly NameTable values = new(maxEntries: 1 << 16);

    /// <summary>Creates a parser with <paramref name="options"/> (or <see cref="ExpositionParserOptions.Default"/>).</summary>
    public ExpositionParser(ExpositionParserOptions? options = null)
    {
        Options = options ?? ExpositionParserOptions.Default;
    }

    /// <summary>The limits in force.</summary>
    public ExpositionParserOptions Options { get; }

    /// <summary>
    /// The format an HTTP <c>Content-Type</c> announces: <c>application/openmetrics-text</c> is OpenMetrics, anything else
    /// (including none) the text format, which is what Prometheus 2.x falls back to as well.
    /// </summary>
    public static ExpositionFormat FormatFromContentType(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/openmetrics-text", StringComparison.OrdinalIgnoreCase)
            ? ExpositionFormat.OpenMetrics
            : ExpositionFormat.PrometheusText;

    /// <summary>Parses a complete exposition held in memory.</summary>
    public ExpositionParseResult Parse(ReadOnlySpan<byte> utf8, ExpositionFormat format)
    {
        var session = new ParseSession(format, Options, names, values);
        while (!utf8.IsEmpty)
        {
            var nl = utf8.IndexOf((byte)'\n');
            var length = nl < 0 ? utf8.Length : nl;
            if (length > Options.MaxLineLength)
            {
                session.LineTooLong(length);
                break;
            }

            if (!session.AddBytes(nl < 0 ? length : length + 1) || !session.ProcessLine(utf8[..length], nl >= 0))
            {
                break;
            }

            utf8 = nl < 0 ? ReadOnlySpan<byte>.Empty : utf8[(nl + 1)..];
        }

        return session.Complete();
    }

    /// <summary>Parses a complete exposition held in a (possibly multi-segment) sequence.</summary>
    public ExpositionParseResult Parse(ReadOnlySequence<byte> utf8, ExpositionFormat format)
    {
        if (utf8.IsSingleSegment)
        {
            return Parse(utf8.FirstSpan, format);
        }

        var session = new ParseSession(format, Options, names, values);
        Consume(session, utf8, isCompleted: true, out _);
        return session.Complete();
    }

    /// <summary>Parses an exposition from a stream in the format its HTTP <paramref name="contentType"/> announces (see <see cref="FormatFromContentType"/>).</summary>
    public ValueTask<ExpositionParseResult> ParseAsync(Stream stream, string? contentType, CancellationToken cancellationToken = default) =>
        ParseAsync(stream, FormatFromContentType(contentType), cancellationToken);

    /// <summary>Parses an exposition from a stream, reading it in chunks; the stream is left open.</summary>
    public async ValueTask<ExpositionParseResult> ParseAsync(Stream stream, ExpositionFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            return await ParseAsync(reader, format, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Parses an exposition from a pipe. Stops reading as soon as the input is rejected or passes a limit, so a huge
    /// answer costs at most <see cref="ExpositionParserOptions.MaxLineLength"/> of buffering. The reader is not completed.
    /// </summary>
    public async ValueTask<ExpositionParseResult> ParseAsync(PipeReader reader, ExpositionFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var session = new ParseSession(format, Options, names, values);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var stop = Consume(session, buffer, result.IsCompleted, out var consumed);
            reader.AdvanceTo(consumed, buffer.End);
            if (stop || result.IsCompleted)
            {
                break;
            }
        }

        return session.Complete();
    }

    /// <summary>Processes every complete line of <paramref name="buffer"/>; true when parsing must stop.</summary>
    private bool Consume(ParseSession session, ReadOnlySequence<byte> buffer, bool isCompleted, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (true)
        {
            if (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n', advancePastDelimiter: true))
            {
                if (line.Length > Options.MaxLineLength)
                {
                    session.LineTooLong(line.Length);
                    consumed = reader.Position;
                    return true;
                }

                if (!session.AddBytes(line.Length + 1) || !ProcessLine(session, line, terminated: true))
                {
                    consumed = reader.Position;
                    return true;
                }

                continue;
            }

            var rest = reader.UnreadSequence;
            if (rest.Length > Options.MaxLineLength)
            {
                session.LineTooLong(rest.Length);
                consumed = buffer.End;
                return true;
            }

            if (isCompleted)
            {
                if (rest.Length > 0 && session.AddBytes(rest.Length))
                {
                    ProcessLine(session, rest, terminated: false);
                }

                consumed = buffer.End;
                return true;
            }

            consumed = reader.Position;
            return false;
        }
    }

    private static bool ProcessLine(ParseSession session, ReadOnlySequence<byte> line, bool terminated)
    {
        if (line.IsSingleSegment)
        {
            return session.ProcessLine(line.FirstSpan, terminated);
        }

        var copy = session.LineBuffer((int)line.Length);
        line.CopyTo(copy);
        return session.ProcessLine(copy, terminated);
    }
}
