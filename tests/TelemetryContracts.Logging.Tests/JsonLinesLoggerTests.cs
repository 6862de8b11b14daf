using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging.Tests;

public sealed partial class JsonLinesLoggerTests
{
    private static async Task<string[]> LogAsync(Action<ILogger> log, Action<JsonLinesLoggerOptions>? configure = null)
    {
        var output = new MemoryStream();
        var options = new JsonLinesLoggerOptions { Output = output };
        options.StreamLabels["source"] = "scanium-backend";
        options.StreamLabels["env"] = "prod";
        configure?.Invoke(options);
        await using (var provider = new JsonLinesLoggerProvider(options))
        {
            log(provider.CreateLogger("Scanium.Items"));
        }

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text);
        return text[..^1].Split('\n');
    }

    [Fact]
    public async Task TypedEvent_WritesOneJsonObjectPerLine_WithStreamLabelsFieldsAndTraceId()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var lines = await LogAsync(logger => logger.Log(
            LogLevel.Information,
            new EventId(7, "ItemListed"),
            new TelemetryLogState("Listed {count} items for {route}", [new("route_group", "items")], [new("route", "/api/items"), new("count", 3)]),
            null,
            (s, _) => s.ToString()));

        var line = Assert.Single(lines);
        using var doc = JsonDocument.Parse(line);
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["ts", "level", "env", "route_group", "source", "msg", "route", "count", "trace_id", "span_id", "logger", "event_id"], keys);
        var root = doc.RootElement;
        Assert.Equal("INFO", root.GetProperty("level").GetString());
        Assert.Equal("scanium-backend", root.GetProperty("source").GetString());
        Assert.Equal("Listed 3 items for /api/items", root.GetProperty("msg").GetString());
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        Assert.Equal(activity.TraceId.ToHexString(), root.GetProperty("trace_id").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("ts").GetString(), out _));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment for {orderId} failed: {reason}")]
    private static partial void PaymentFailed(ILogger logger, string orderId, string reason);

    [Fact]
    public async Task LoggerMessageEvent_FieldsComeFromState_ScopeLabelsBecomeStreamLabels_NewlinesStayOnOneLine()
    {
        var lines = await LogAsync(logger =>
        {
            using (logger.BeginScope(new StreamLabelsScope([new("tenant_tier", "gold")])))
            using (logger.BeginScope(new Dictionary<string, object?> { ["request_id"] = "r-1" }))
            {
                PaymentFailed(logger, "o-42", "card \"declined\"\nretry later");
            }

            logger.LogDebug("below the minimum level");
        });

        var line = Assert.Single(lines);
        var root = JsonDocument.Parse(line).RootElement;
        Assert.Equal("WARN", root.GetProperty("level").GetString());
        Assert.Equal("gold", root.GetProperty("tenant_tier").GetString());
        Assert.Equal("r-1", root.GetProperty("request_id").GetString());
        Assert.Equal("o-42", root.GetProperty("orderId").GetString());
        Assert.Equal("Payment for o-42 failed: card \"declined\"\nretry later", root.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Exception_IsWrittenAsField()
    {
        var lines = await LogAsync(logger => logger.LogError(new InvalidOperationException("boom"), "failed"));
        var root = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal("ERROR", root.GetProperty("level").GetString());
        Assert.Contains("InvalidOperationException: boom", root.GetProperty("exception").GetString());
    }

    [Fact]
    public async Task Registration_AddsProviderThatWritesThroughILogger()
    {
        var output = new MemoryStream();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddTelemetryJsonConsole(o =>
        {
            o.Output = output;
            o.StreamLabels["source"] = "svc";
        }));
        await using (var sp = services.BuildServiceProvider())
        {
            sp.GetRequiredService<ILogger<JsonLinesLoggerTests>>().LogInformation("hello {name}", "world");
        }

        var root = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()).Trim()).RootElement;
        Assert.Equal("svc", root.GetProperty("source").GetString());
        Assert.Equal("hello world", root.GetProperty("msg").GetString());
        Assert.Equal("world", root.GetProperty("name").GetString());
    }

    [Fact]
    public async Task LokiPush_ReceivesTheSameJsonLinesWithStreamLabels()
    {
        await using var loki = new LokiReplayServer(_ => "03-push-json");
        var client = new LokiPushClient(new LokiPushOptions { Endpoint = loki.Url, BatchWait = TimeSpan.FromMilliseconds(20) });
        var output = new MemoryStream();
        var options = new JsonLinesLoggerOptions { Output = output };
        options.StreamLabels["source"] = "scanium-backend";
        await using (var provider = new JsonLinesLoggerProvider(options, client))
        {
            provider.CreateLogger("x").LogInformation("pushed {n}", 1);
        }

        await client.FlushAsync();
        await client.DisposeAsync();
        var stream = JsonDocument.Parse(loki.Requests.Single().Body).RootElement.GetProperty("streams")[0];
        Assert.Equal("scanium-backend", stream.GetProperty("stream").GetProperty("source").GetString());
        Assert.Equal("info", stream.GetProperty("stream").GetProperty("level").GetString());
        Assert.Equal(Encoding.UTF8.GetString(output.ToArray()).Trim(), stream.GetProperty("values")[0][1].GetString());
    }
}
