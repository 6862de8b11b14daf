using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Logging;

/// <summary>
/// Pushes log lines to Loki's JSON push API (<c>POST /loki/api/v1/push</c>) from a background task: lines are queued
/// in a bounded queue (<see cref="TryEnqueue"/> never blocks; a full queue drops and counts), grouped into streams by
/// label set, sent in batches, and retried with exponential backoff on 429, 5xx and network errors. A 4xx answer
/// such as Loki's "timestamp too old" drops that batch at once (retrying cannot fix it) and is kept in
/// <see cref="LastError"/>.
/// </summary>
public sealed class LokiPushClient : IAsyncDisposable, IDisposable
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly LokiPushOptions options;
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly Uri pushUri;
    private readonly Channel<LogLine> queue;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private readonly CounterFamily? droppedMetric;
    private readonly CounterCell? sentMetric;
    private long enqueued;
    private long completed;
    private long dropped;
    private long sent;
    private volatile string? lastError;
    private int disposed;

    /// <summary>Creates the client and starts its sender.</summary>
    /// <param name="options">Endpoint, auth, batching and retry settings.</param>
    /// <param name="httpClient">HTTP client to use (tests, IHttpClientFactory); null creates one.</param>
    /// <param name="metrics">Registry for <c>telemetry_contracts_loki_dropped_lines_total{reason}</c> and <c>…_sent_lines_total</c>; null: none.</param>
    public LokiPushClient(LokiPushOptions options, HttpClient? httpClient = null, MetricRegistry? metrics = null)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        var endpoint = options.Endpoint ?? throw new ArgumentException("LokiPushOptions.Endpoint is required, e.g. http://loki:3100.", nameof(options));
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"LokiPushOptions.Endpoint '{endpoint}' must be an absolute http(s) URL.", nameof(options));
        }

        pushUri = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/loki/api/v1/push");
        ownsHttp = httpClient is null;
        http = httpClient ?? new HttpClient();
        queue = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        if (metrics is not null)
        {
            droppedMetric = metrics.CreateCounter("telemetry_contracts_loki_dropped_lines", "Log lines the Loki push client dropped, by reason.", labelNames: ["reason"]);
            sentMetric = metrics.CreateCounter("telemetry_contracts_loki_sent_lines", "Log lines Loki accepted.").Unlabelled;
        }

        loop = Task.Run(SendLoopAsync);
    }

    /// <summary>Lines dropped: queue full, rejected by Loki, or retries exhausted.</summary>
    public long DroppedLines => Interlocked.Read(ref dropped);

    /// <summary>Lines Loki accepted.</summary>
    public long SentLines => Interlocked.Read(ref sent);

    /// <summary>The last failure ("400 Bad Request: entry for stream … too old"), or null.</summary>
    public string? LastError => lastError;

    /// <summary>Queues a line; false (and counted as dropped) when the queue is full or the client is disposed.</summary>
    public bool TryEnqueue(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (queue.Writer.TryWrite(line))
        {
            Interlocked.Increment(ref enqueued);
            return true;
        }

        Drop(1, "queue_full");
        return false;
    }

    /// <summary>Waits until every line queued before the call was sent or dropped.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref enqueued);
        while (Interlocked.Read(ref completed) < target && !loop.IsCompleted)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Sends what is queued (retries are cut short), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        using (var drain = new CancellationTokenSource(options.RequestTimeout + options.BatchWait))
        {
            await Task.WhenAny(loop, Task.Delay(Timeout.Infinite, drain.Token).ContinueWith(_ => { }, TaskScheduler.Default)).ConfigureAwait(false);
        }

        stopping.Cancel();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
        if (ownsHttp)
        {
            http.Dispose();
        }
    }

    /// <summary>The JSON push body for <paramref name="lines"/>: one stream per label set, values in time order.</summary>
    public string BuildPushBody(IReadOnlyList<LogLine> lines)
    {
        var streams = new Dictionary<string, (KeyValuePair<string, string>[] Labels, List<LogLine> Lines)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var labels = LabelsOf(line);
            var key = string.Join("\u0001", labels.Select(l => l.Key + "\u0002" + l.Value));
            if (!streams.TryGetValue(key, out var stream))
            {
                stream = (labels, new List<LogLine>());
                streams.Add(key, stream);
            }

            stream.Lines.Add(line);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("streams");
            foreach (var (labels, streamLines) in streams.Values)
            {
                json.WriteStartObject();
                json.WriteStartObject("stream");
                foreach (var label in labels)
                {
                    json.WriteString(label.Key, label.Value);
                }

                json.WriteEndObject();
                json.WriteStartArray("values");
                foreach (var line in streamLines.OrderBy(l => l.Timestamp))
                {
                    json.WriteStartArray();
                    json.WriteStringValue(((line.Timestamp.UtcTicks - UnixEpochTicks) * 100).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteStringValue(line.Json);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string DefaultLevelLabel(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "fatal",
        _ => "none",
    };

    private KeyValuePair<string, string>[] LabelsOf(LogLine line)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in line.StreamLabels)
        {
            map[l.Key] = l.Value;
        }

        if (options.LevelLabel is { Length: > 0 } levelLabel)
        {
            map[levelLabel] = line.LevelText ?? DefaultLevelLabel(line.Level);
        }

        if (map.Count == 0)
        {
            foreach (var l in options.FallbackLabels)
            {
                map[l.Key] = l.Value;
            }
        }

        return map.ToArray();
    }

    private async Task SendLoopAsync()
    {
        var batch = new List<LogLine>(options.BatchSize);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // The first line opens a batch; wait up to BatchWait for more so Loki gets few, larger requests.
            var deadline = DateTime.UtcNow + options.BatchWait;
            while (batch.Count < options.BatchSize)
            {
                if (reader.TryRead(out var line))
                {
                    batch.Add(line);
                    continue;
                }

                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || reader.Completion.IsCompleted)
                {
                    break;
                }

                using var wait = new CancellationTokenSource(remaining);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                await SendWithRetryAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref completed, batch.Count);
                batch.Clear();
            }
        }
    }

    private async Task SendWithRetryAsync(List<LogLine> batch)
    {
        var body = BuildPushBody(batch);
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            bool retryable;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, pushUri)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                if (options.TenantId is { Length: > 0 } tenant)
                {
                    request.Headers.TryAddWithoutValidation("X-Scope-OrgID", tenant);
                }

                if (options.BearerToken is { Length: > 0 } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                else if (options.BasicUsername is { Length: > 0 } user)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + options.BasicPassword)));
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                timeout.CancelAfter(options.RequestTimeout);
                using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref sent, batch.Count);
                    sentMetric?.Add(batch.Count);
                    return;
                }

                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                failure = $"{(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(text.Trim(), 512)}";
                retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                lastError = "client stopped before Loki answered";
                Drop(batch.Count, "shutdown");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Messages of HttpClient name the host, never the Authorization header.
                failure = e is OperationCanceledException ? $"timeout after {options.RequestTimeout.TotalSeconds:0.#} s" : e.Message;
                retryable = true;
            }

            lastError = failure;
            if (!retryable)
            {
                Drop(batch.Count, "rejected");
                return;
            }

            if (attempt >= options.MaxRetries)
            {
                Drop(batch.Count, "retries_exhausted");
                return;
            }

            var backoff = Math.Min(options.MaxBackoff.TotalMilliseconds, options.MinBackoff.TotalMilliseconds * Math.Pow(2, attempt));
            backoff *= 0.5 + (Random.Shared.NextDouble() / 2);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(backoff), stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Drop(batch.Count, "shutdown");
                return;
            }
        }
    }

    private void Drop(int lines, string reason)
    {
        Interlocked.Add(ref dropped, lines);
        droppedMetric?.WithLabels(reason).Add(lines);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
