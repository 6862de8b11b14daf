using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TelemetryContracts.Logging;

/// <summary>
/// Writes one JSON object per line (see <see cref="JsonLineFormatter"/>) to standard output or a stream, and hands
/// each line to an optional <see cref="LokiPushClient"/>. Formatting happens on the caller; writing happens on a
/// background task behind a bounded queue, so a slow stdout never blocks a request thread (full queue: the line is
/// dropped and counted in <see cref="DroppedLines"/>).
/// </summary>
[ProviderAlias("TelemetryJson")]
public sealed class JsonLinesLoggerProvider : ILoggerProvider, ISupportExternalScope, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonLinesLogger> loggers = new(StringComparer.Ordinal);
    private readonly Channel<string> queue;
    private readonly Stream output;
    private readonly bool ownsOutput;
    private readonly Task writer;
    private readonly LokiPushClient? loki;
    private readonly bool writeToOutput;
    private long dropped;
    private int disposed;

    /// <summary>Creates the provider from options (DI).</summary>
    public JsonLinesLoggerProvider(IOptions<JsonLinesLoggerOptions> options, LokiPushClient? loki = null)
        : this(options.Value, loki)
    {
    }

    /// <summary>Creates the provider.</summary>
    public JsonLinesLoggerProvider(JsonLinesLoggerOptions options, LokiPushClient? loki = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Formatter = new JsonLineFormatter(options);
        MinimumLevel = options.MinimumLevel;
        writeToOutput = options.WriteToOutput;
        this.loki = loki;
        ownsOutput = options.Output is null;
        output = options.Output ?? Console.OpenStandardOutput();
        queue = Channel.CreateBounded<string>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Lines dropped because the output queue was full.</summary>
    public long DroppedLines => Interlocked.Read(ref dropped);

    internal JsonLineFormatter Formatter { get; }

    internal LogLevel MinimumLevel { get; }

    internal IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, name => new JsonLinesLogger(name, this));

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        if (ownsOutput)
        {
            await output.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal void Emit(LogLine line)
    {
        if (writeToOutput && !queue.Writer.TryWrite(line.Json))
        {
            Interlocked.Increment(ref dropped);
        }

        loki?.TryEnqueue(line);
    }

    private async Task WriteLoopAsync()
    {
        var bytes = new byte[16 * 1024];
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (queue.Reader.TryRead(out var json))
            {
                var needed = Encoding.UTF8.GetMaxByteCount(json.Length) + 1;
                if (needed > bytes.Length)
                {
                    bytes = new byte[needed];
                }

                var n = Encoding.UTF8.GetBytes(json, bytes);
                bytes[n++] = (byte)'\n';
                try
                {
                    await output.WriteAsync(bytes.AsMemory(0, n)).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref dropped);
                }
            }

            try
            {
                await output.FlushAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
            }
        }
    }
}
