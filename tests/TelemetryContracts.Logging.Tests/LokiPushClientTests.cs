using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging.Tests;

public sealed class LokiPushClientTests
{
    private static LogLine Line(string msg, LogLevel level = LogLevel.Information, string source = "scanium-backend", int secondsAgo = 5) =>
        new(DateTimeOffset.UtcNow.AddSeconds(-secondsAgo), level, $"{{\"msg\":\"{msg}\"}}", [new("env", "prod"), new("source", source)]);

    private static LokiPushOptions Options(Uri url) => new()
    {
        Endpoint = url,
        BatchWait = TimeSpan.FromMilliseconds(50),
        MinBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Batch_IsPushedAsJsonStreamsGroupedByLabels_AndLokiAnswers204()
    {
        await using var loki = new LokiReplayServer(_ => "03-push-json");
        await using var client = new LokiPushClient(Options(loki.Url));
        Assert.True(client.TryEnqueue(Line("GET /api/items")));
        Assert.True(client.TryEnqueue(Line("payment failed", LogLevel.Error)));
        Assert.True(client.TryEnqueue(Line("GET /api/cart")));
        Assert.True(client.TryEnqueue(Line("sync", source: "scanium-worker")));
        await client.FlushAsync();

        Assert.Equal(4, client.SentLines);
        Assert.Equal(0, client.DroppedLines);
        Assert.Null(client.LastError);
        var request = Assert.Single(loki.Requests);
        Assert.Equal("03-push-json", request.Served);
        Assert.StartsWith("application/json", request.ContentType);
        using var doc = JsonDocument.Parse(request.Body);
        var streams = doc.RootElement.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal(3, streams.Count);
        var info = streams.Single(s => s.GetProperty("stream").GetProperty("level").GetString() == "info" && s.GetProperty("stream").GetProperty("source").GetString() == "scanium-backend");
        Assert.Equal("prod", info.GetProperty("stream").GetProperty("env").GetString());
        var values = info.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        Assert.Equal("{\"msg\":\"GET /api/items\"}", values[0][1].GetString());
        var ns = ulong.Parse(values[0][0].GetString()!);
        Assert.InRange(ns, (ulong)DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() * 1_000_000, (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
    }

    [Fact]
    public async Task TooOldAnswer_DropsBatchWithoutRetry_AndKeepsLokisMessage()
    {
        await using var loki = new LokiReplayServer(_ => "42-error-push-too-old");
        await using var client = new LokiPushClient(Options(loki.Url));
        client.TryEnqueue(Line("ancient", secondsAgo: 30 * 24 * 3600));
        client.TryEnqueue(Line("ancient too", secondsAgo: 30 * 24 * 3600));
        await client.FlushAsync();

        Assert.Equal(2, client.DroppedLines);
        Assert.Equal(0, client.SentLines);
        Assert.Single(loki.Requests);
        Assert.StartsWith("400 Bad Request: entry for stream", client.LastError);
        Assert.Contains("timestamp too old", client.LastError);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_ThenTheBatchIsSent()
    {
        // Loki answered no 5xx while recording, so the first two answers are the recorded "not ready" 503 of /ready.
        await using var loki = new LokiReplayServer(i => i < 2 ? "00-ready-while-starting" : "03-push-json");
        await using var client = new LokiPushClient(Options(loki.Url));
        client.TryEnqueue(Line("eventually"));
        await client.FlushAsync();

        Assert.Equal(1, client.SentLines);
        Assert.Equal(0, client.DroppedLines);
        Assert.Equal(3, loki.Requests.Count);
        Assert.All(loki.Requests, r => Assert.Equal(loki.Requests[0].Body, r.Body));
    }

    [Fact]
    public async Task RetriesExhausted_DropsAndCounts()
    {
        await using var loki = new LokiReplayServer(_ => "00-ready-while-starting");
        var options = Options(loki.Url);
        options.MaxRetries = 2;
        var registry = new Runtime.MetricRegistry(new Runtime.MetricRegistryOptions { MeterName = null });
        await using var client = new LokiPushClient(options, metrics: registry);
        client.TryEnqueue(Line("lost"));
        await client.FlushAsync();

        Assert.Equal(1, client.DroppedLines);
        Assert.Equal(3, loki.Requests.Count);
        Assert.StartsWith("503", client.LastError);
        Assert.Contains("telemetry_contracts_loki_dropped_lines_total{reason=\"retries_exhausted\"} 1\n", registry.ToExpositionString(Runtime.ExpositionFormat.PrometheusText));
    }

    [Fact]
    public async Task StalledLoki_FullQueueDropsInsteadOfBlocking()
    {
        await using var loki = new LokiReplayServer(_ => "03-push-json") { Gate = new TaskCompletionSource() };
        var options = Options(loki.Url);
        options.QueueCapacity = 3;
        options.BatchSize = 1;
        await using var client = new LokiPushClient(options);
        client.TryEnqueue(Line("in flight"));
        await Task.Run(async () =>
        {
            while (loki.Requests.Count == 0)
            {
                await Task.Delay(10);
            }
        });
        var accepted = Enumerable.Range(0, 10).Count(i => client.TryEnqueue(Line("burst " + i)));
        Assert.Equal(3, accepted);
        Assert.Equal(7, client.DroppedLines);
        loki.Gate.SetResult();
        await client.FlushAsync();
        Assert.Equal(4, client.SentLines);
    }

    [Fact]
    public async Task BearerToken_IsSentButNeverAppearsInErrorsOrOptionsText()
    {
        const string token = "glc_secret_token_123";
        await using var loki = new LokiReplayServer(_ => "40-error-push-no-labels");
        var options = Options(loki.Url);
        options.BearerToken = token;
        options.TenantId = "team-a";
        await using var client = new LokiPushClient(options);
        client.TryEnqueue(Line("x"));
        await client.FlushAsync();
        Assert.Equal("Bearer " + token, loki.Requests.Single().Authorization);
        Assert.DoesNotContain(token, client.LastError);
        Assert.DoesNotContain(token, options.ToString());
    }

    [Fact]
    public async Task LineWithoutLabels_GetsFallbackLabels_SoLokiAcceptsIt()
    {
        await using var loki = new LokiReplayServer(_ => "03-push-json");
        var options = Options(loki.Url);
        options.LevelLabel = null;
        await using var client = new LokiPushClient(options);
        client.TryEnqueue(new LogLine(DateTimeOffset.UtcNow, LogLevel.Information, "{}", []));
        await client.FlushAsync();
        Assert.Equal("03-push-json", loki.Requests.Single().Served);
        Assert.Contains("\"job\":\"telemetry-contracts\"", loki.Requests.Single().Body);
    }

    [Fact]
    public void MissingOrRelativeEndpoint_IsAnActionableError()
    {
        Assert.Contains("Endpoint is required", Assert.Throws<ArgumentException>(() => new LokiPushClient(new LokiPushOptions())).Message);
        Assert.Contains("absolute http(s) URL", Assert.Throws<ArgumentException>(() => new LokiPushClient(new LokiPushOptions { Endpoint = new Uri("ftp://loki") })).Message);
    }
}
