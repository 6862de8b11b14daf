using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelemetryContracts.Contracts;
using TelemetryContracts.Logging.Tests.Generated;

namespace TelemetryContracts.Logging.Tests;

/// <summary>
/// What a user of the packages gets: a typed logger the generator made from a real contract, writing through the
/// JSON-lines provider, produces lines whose keys and values are the ones the contract declares for the stream, so the
/// collector's <c>| json</c> stage and the generated dashboards find them. Each test reads the declaration from the
/// contract file the generator compiled.
/// </summary>
public sealed class ContractShapedLinesTests
{
    /// <summary>Keys the library adds to every line besides the declared ones.</summary>
    private static readonly string[] LibraryKeys = ["ts", "logger"];

    [Fact]
    public async Task ScaniumBackend_TypedLine_CarriesExactlyTheDeclaredLabelsLevelMessageAndFields_AtTheTopLevel()
    {
        var stream = Declared("scanium-backend.telemetry.yaml", "backend");
        var output = new MemoryStream();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddTelemetryJsonConsole(o => o.Output = output))
            .AddScaniumBackendTelemetry(ScaniumBackendTelemetry.Env.Staging);
        await using (var sp = services.BuildServiceProvider())
        {
            sp.GetRequiredService<ScaniumBackendTelemetry.BackendLogger>().Error(
                "request failed", route: "/api/fail", method: "GET", statusCode: 500, durationMs: 2.457,
                traceId: "29e8d39b1c2aa250e3459ed61723a325", eventName: "http_request", errorMessage: "Simulated failure for /api/fail.");
        }

        var line = Assert.Single(Lines(output));
        Assert.Equal(DeclaredKeys(stream).Concat(LibraryKeys).Order(StringComparer.Ordinal), Keys(line).Order(StringComparer.Ordinal));
        foreach (var label in stream.Labels)
        {
            Assert.Equal(label.FixedValue ?? "staging", line.GetProperty(label.Name).GetString());
        }

        Assert.Equal("level", stream.LevelField);
        Assert.Equal("error", line.GetProperty(stream.LevelField).GetString());
        Assert.Equal("request failed", line.GetProperty(stream.MessageField).GetString());
        Assert.Equal("/api/fail", line.GetProperty("route").GetString());
        Assert.Equal("GET", line.GetProperty("method").GetString());
        Assert.Equal(500, line.GetProperty("status_code").GetInt32());
        Assert.Equal(2.457, line.GetProperty("duration_ms").GetDouble());
        Assert.Equal("29e8d39b1c2aa250e3459ed61723a325", line.GetProperty("trace_id").GetString());
        Assert.Equal("http_request", line.GetProperty("event_name").GetString());
        Assert.Equal("Simulated failure for /api/fail.", line.GetProperty("error_message").GetString());
        Assert.Equal(ScaniumBackendTelemetry.BackendLogger.CategoryName, line.GetProperty("logger").GetString());
    }

    [Fact]
    public async Task ScaniumBackend_EveryDeclaredLevel_IsSpelledAsTheContractSpellsIt_WarnAndFatal_NotWarningAndCritical()
    {
        var stream = Declared("scanium-backend.telemetry.yaml", "backend");
        var lines = await WriteAsync(
            o => o.MinimumLevel = LogLevel.Trace,
            provider =>
            {
                var log = new ScaniumBackendTelemetry.BackendLogger(provider.CreateLogger(ScaniumBackendTelemetry.BackendLogger.CategoryName), ScaniumBackendTelemetry.Env.Dev);
                log.Debug("scan classified");
                log.Info("request handled");
                log.Warn("slow request");
                log.Error("request failed");
                log.Fatal("cannot serve");
            });

        Assert.Equal(["debug", "info", "warn", "error", "fatal"], stream.Levels);
        Assert.Equal(stream.Levels, lines.Select(l => l.GetProperty(stream.LevelField).GetString()));
        Assert.Empty(lines.Select(l => l.GetProperty(stream.LevelField).GetString()).Intersect(["Warning", "warning", "WARN", "Critical", "critical", "FATAL"]));
    }

    [Fact]
    public async Task Ledger_AStreamThatRenamesBothKeys_GetsSeverityAndMessage_AndNeitherLevelNorMsg()
    {
        var stream = Declared("ledger.telemetry.yaml", "audit");
        var lines = await WriteAsync(
            o => o.MinimumLevel = LogLevel.Trace,
            provider =>
            {
                var log = new LedgerTelemetry.AuditLogger(provider.CreateLogger(LedgerTelemetry.AuditLogger.CategoryName), LedgerTelemetry.Env.Prod);
                log.Info("posting accepted", accountId: "acc-7", amountCents: 1250L, requestId: "r-1");
                log.Notice("limit raised", accountId: "acc-7");
                log.Warning("posting held for review", accountId: "acc-9", amountCents: 990000L);
                log.Critical("ledger out of balance");
            });

        Assert.Equal(("severity", "message"), (stream.LevelField, stream.MessageField));
        Assert.Equal(["INFO", "NOTICE", "WARNING", "CRITICAL"], lines.Select(l => l.GetProperty("severity").GetString()));
        Assert.Equal(["posting accepted", "limit raised", "posting held for review", "ledger out of balance"], lines.Select(l => l.GetProperty("message").GetString()));
        Assert.All(lines, l =>
        {
            Assert.False(l.TryGetProperty("level", out _), l.ToString());
            Assert.False(l.TryGetProperty("msg", out _), l.ToString());
            Assert.Equal("ledger", l.GetProperty("app").GetString());
            Assert.Equal("prod", l.GetProperty("env").GetString());
            Assert.Subset(DeclaredKeys(stream).Concat(LibraryKeys).ToHashSet(StringComparer.Ordinal), Keys(l).ToHashSet(StringComparer.Ordinal));
        });
        Assert.Equal(1250, lines[0].GetProperty("amount_cents").GetInt64());
        Assert.Equal("r-1", lines[0].GetProperty("request_id").GetString());
        Assert.False(lines[1].TryGetProperty("amount_cents", out _), "a field the call leaves null is omitted");
    }

    [Fact]
    public async Task AcService_AStreamLabelledByLevel_CarriesTheEntrysOwnLevel_Once()
    {
        // Dark Tower labels its streams with level: $level, so the collector's | json stage reads the stream label from
        // the level field: the line must hold the entry's level there, not the logger's fixed label value.
        var stream = Declared("ac-service.telemetry.yaml", "service");
        Assert.Contains(stream.Labels, l => l.Name == stream.LevelField && l.LabelRef == "level");

        // The level is per entry, so the logger is not given one when it is created (only the pod).
        Assert.Equal(["logger", "pod"], typeof(AcServiceTelemetry.ServiceLogger).GetConstructors().Single().GetParameters().Select(p => p.Name));
        var lines = await WriteAsync(
            o => o.MinimumLevel = LogLevel.Trace,
            provider =>
            {
                var log = new AcServiceTelemetry.ServiceLogger(provider.CreateLogger(AcServiceTelemetry.ServiceLogger.CategoryName), "ac-service-0");
                log.Warn("token request rate limited", clientId: "meeting-controller", traceId: "0af7651916cd43dd8448eb211c80319c");
                log.Trace("jwks cache hit", target: "ac_service::jwks");
            },
            raw => Assert.All(raw, r => Assert.Equal(2, r.Split("\"level\":").Length)));

        Assert.Equal(["WARN", "TRACE"], lines.Select(l => l.GetProperty("level").GetString()));
        Assert.All(lines, l =>
        {
            Assert.Equal("ac-service", l.GetProperty("app").GetString());
            Assert.Equal("ac-service-0", l.GetProperty("pod").GetString());
        });
        Assert.Equal("meeting-controller", lines[0].GetProperty("client_id").GetString());
        Assert.Equal("ac_service::jwks", lines[1].GetProperty("target").GetString());
    }

    [Fact]
    public async Task FrameworkLines_GiveTheContractsShape_TakeItsSpellingsAndTheConfiguredStreamLabels()
    {
        var stream = Declared("scanium-backend.telemetry.yaml", "backend");
        var lines = await WriteAsync(
            o =>
            {
                o.Shape = ScaniumBackendTelemetry.BackendLogger.Shape;
                o.StreamLabels["source"] = "scanium-backend";
                o.StreamLabels["env"] = "dev";
                o.MinimumLevel = LogLevel.Trace;
            },
            provider =>
            {
                var kestrel = provider.CreateLogger("Microsoft.AspNetCore.Server.Kestrel");
                kestrel.LogWarning("Overriding HTTP_PORTS '{http}'. Binding to values defined by URLS instead '{urls}'.", "8080", "http://+:8080");
                kestrel.LogCritical("Unable to start Kestrel.");
                kestrel.LogInformation("Now listening on: {address}", "http://[::]:8080");
                kestrel.LogTrace("Connection id \"{id}\" started.", "0HN1");
            });

        // Trace is not declared: it takes the nearest declared level, so every line's level is one the contract knows.
        Assert.Equal(["warn", "fatal", "info", "debug"], lines.Select(l => l.GetProperty(stream.LevelField).GetString()));
        Assert.All(lines, l => Assert.Contains(l.GetProperty(stream.LevelField).GetString(), stream.Levels));
        Assert.Equal("Overriding HTTP_PORTS '8080'. Binding to values defined by URLS instead 'http://+:8080'.", lines[0].GetProperty(stream.MessageField).GetString());
        Assert.Equal("8080", lines[0].GetProperty("http").GetString());
        Assert.All(lines, l =>
        {
            Assert.Equal("scanium-backend", l.GetProperty("source").GetString());
            Assert.Equal("dev", l.GetProperty("env").GetString());
            Assert.Equal("Microsoft.AspNetCore.Server.Kestrel", l.GetProperty("logger").GetString());
        });
    }

    [Fact]
    public async Task TypedLines_CarryTheirOwnStreamsLabels_TheConfiguredOnesGoToOtherLoggersLines()
    {
        var stream = Declared("scanium-mobile.telemetry.yaml", "app-events");
        var lines = await WriteAsync(
            o =>
            {
                o.StreamLabels["source"] = "scanium-backend";
                o.StreamLabels["env"] = "dev";
                o.StreamLabels["team"] = "scanning";
            },
            provider =>
            {
                new ScaniumMobileTelemetry.AppEventsLogger(
                        provider.CreateLogger(ScaniumMobileTelemetry.AppEventsLogger.CategoryName),
                        ScaniumMobileTelemetry.Platform.Android, ScaniumMobileTelemetry.Env.Prod, ScaniumMobileTelemetry.BuildType.Release, "2.14.0")
                    .Info("scan finished", eventName: "scan.finished", sessionId: "s-91", screen: "camera");
                provider.CreateLogger("Microsoft.Hosting.Lifetime").LogInformation("Application started.");
            });

        var typed = lines[0];
        Assert.Equal(["source", "platform", "env", "build_type", "app_version"], stream.Labels.Select(l => l.Name));
        Assert.Equal(
            ["source=scanium-mobile", "platform=android", "env=prod", "build_type=release", "app_version=2.14.0"],
            stream.Labels.Select(l => l.Name + "=" + typed.GetProperty(l.Name).GetString()));
        Assert.False(typed.TryGetProperty("team", out _), "a label the stream does not declare stays off its lines");
        Assert.Equal(DeclaredKeys(stream).Except(["error_message"]).Concat(LibraryKeys).Order(StringComparer.Ordinal), Keys(typed).Order(StringComparer.Ordinal));

        var framework = lines[1];
        Assert.Equal("scanium-backend", framework.GetProperty("source").GetString());
        Assert.Equal("scanning", framework.GetProperty("team").GetString());
        Assert.Equal("INFO", framework.GetProperty("level").GetString());
        Assert.Equal("Application started.", framework.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task LokiPush_SendsATypedLineUnderItsStreamsLabels_WithTheDeclaredLevelSpellingAsLevelLabel()
    {
        await using var loki = new LokiReplayServer(_ => "03-push-json");
        var client = new LokiPushClient(new LokiPushOptions { Endpoint = loki.Url, BatchWait = TimeSpan.FromMilliseconds(20) });
        var output = new MemoryStream();
        await using (var provider = new JsonLinesLoggerProvider(new JsonLinesLoggerOptions { Output = output }, client))
        {
            new ScaniumBackendTelemetry.BackendLogger(provider.CreateLogger(ScaniumBackendTelemetry.BackendLogger.CategoryName), ScaniumBackendTelemetry.Env.Prod)
                .Warn("slow request", route: "/api/slow", durationMs: 812.5);
        }

        await client.FlushAsync();
        await client.DisposeAsync();
        var stream = JsonDocument.Parse(loki.Requests.Single().Body).RootElement.GetProperty("streams")[0];
        Assert.Equal(
            ["env=prod", "level=warn", "source=scanium-backend"],
            stream.GetProperty("stream").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n'), stream.GetProperty("values")[0][1].GetString());
    }

    [Fact]
    public async Task AcService_PushedToLoki_EachEntryGoesToTheStreamOfItsOwnLevel()
    {
        await using var loki = new LokiReplayServer(_ => "03-push-json");
        var client = new LokiPushClient(new LokiPushOptions { Endpoint = loki.Url, BatchWait = TimeSpan.FromMilliseconds(20) });
        await using (var provider = new JsonLinesLoggerProvider(new JsonLinesLoggerOptions { Output = new MemoryStream(), MinimumLevel = LogLevel.Trace }, client))
        {
            var log = new AcServiceTelemetry.ServiceLogger(provider.CreateLogger(AcServiceTelemetry.ServiceLogger.CategoryName), "ac-service-0");
            log.Warn("token request rate limited");
            log.Error("signing key unavailable");
        }

        await client.FlushAsync();
        await client.DisposeAsync();
        var streams = loki.Requests
            .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("streams").EnumerateArray())
            .Select(s => string.Join(",", s.GetProperty("stream").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["app=ac-service,level=ERROR,pod=ac-service-0", "app=ac-service,level=WARN,pod=ac-service-0"], streams);
    }

    [Fact]
    public async Task StalledOutput_TheTypedLoggerNeverWaits_AFullQueueDropsAndCounts()
    {
        var output = new StalledStream();
        var provider = new JsonLinesLoggerProvider(new JsonLinesLoggerOptions { Output = output, QueueCapacity = 4 });
        var log = new ScaniumBackendTelemetry.BackendLogger(provider.CreateLogger(ScaniumBackendTelemetry.BackendLogger.CategoryName), ScaniumBackendTelemetry.Env.Dev);

        var writing = Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                log.Info("request handled", route: "/api/items", statusCode: 200);
            }
        });

        Assert.Same(writing, await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.InRange(provider.DroppedLines, 1000 - 4 - 1, 1000);
        output.Release();
        await provider.DisposeAsync();
    }

    [Fact]
    public void FormattingATypedEntry_AllocatesTheLineAndLittleElse()
    {
        var capture = new CapturingLogger();
        new ScaniumBackendTelemetry.BackendLogger(capture, ScaniumBackendTelemetry.Env.Dev)
            .Info("request handled", route: "/api/items/{id:int}", method: "GET", statusCode: 200, durationMs: 19.856, traceId: "117c0fab290a2c71d350dce77940faf0", eventName: "http_request");
        var formatter = new JsonLineFormatter(new JsonLinesLoggerOptions());
        LogLine Format() => formatter.Format("scanium-backend.backend", LogLevel.Information, default, capture.State!, null, capture.Formatter!, null);
        for (var i = 0; i < 5; i++)
        {
            Format();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var line = Format();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The JSON string (UTF-16) and the LogLine record; buffers, writer and the label array are reused.
        Assert.True(allocated <= (2 * line.Json.Length) + 128, $"{allocated} B for a {line.Json.Length}-char line: {allocated - (2 * line.Json.Length)} B besides the string's characters");
        Assert.Contains("\"level\":\"info\"", line.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGeneratedShape_IsTheContractsDeclaration_AndSpellsAnUndeclaredLevelAsTheNearestDeclaredOne()
    {
        foreach (var (file, name, shape) in new[]
        {
            ("scanium-backend.telemetry.yaml", "backend", ScaniumBackendTelemetry.BackendLogger.Shape),
            ("scanium-mobile.telemetry.yaml", "app-events", ScaniumMobileTelemetry.AppEventsLogger.Shape),
            ("ac-service.telemetry.yaml", "service", AcServiceTelemetry.ServiceLogger.Shape),
            ("ledger.telemetry.yaml", "audit", LedgerTelemetry.AuditLogger.Shape),
        })
        {
            var stream = Declared(file, name);
            Assert.Equal(stream.LevelField, shape.LevelField);
            Assert.Equal(stream.MessageField, shape.MessageField);
            Assert.Equal(stream.Levels, shape.Levels.Select(l => l.Key));
        }

        Assert.Equal(
            ["Debug=debug", "Information=info", "Warning=warn", "Error=error", "Critical=fatal"],
            ScaniumBackendTelemetry.BackendLogger.Shape.Levels.Select(l => l.Value + "=" + l.Key));
        Assert.Equal("debug", ScaniumBackendTelemetry.BackendLogger.Shape.LevelText(LogLevel.Trace));
        Assert.Equal("ERROR", AcServiceTelemetry.ServiceLogger.Shape.LevelText(LogLevel.Critical));
        Assert.Equal("INFO", LedgerTelemetry.AuditLogger.Shape.LevelText(LogLevel.Information));
    }

    private static LogStreamDefinition Declared(string contractFile, string stream)
    {
        var loaded = ContractLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, contractFile));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Findings));
        return Assert.Single(loaded.Contract.Logs, s => s.Name == stream);
    }

    private static IEnumerable<string> DeclaredKeys(LogStreamDefinition stream) =>
        stream.Labels.Select(l => l.Name).Append(stream.LevelField).Append(stream.MessageField).Concat(stream.Fields.Select(f => f.Name)).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Keys(JsonElement line) => line.EnumerateObject().Select(p => p.Name);

    private static async Task<JsonElement[]> WriteAsync(Action<JsonLinesLoggerOptions> configure, Action<JsonLinesLoggerProvider> write, Action<string[]>? raw = null)
    {
        var output = new MemoryStream();
        var options = new JsonLinesLoggerOptions { Output = output };
        configure(options);
        await using (var provider = new JsonLinesLoggerProvider(options))
        {
            write(provider);
        }

        var text = Encoding.UTF8.GetString(output.ToArray());
        raw?.Invoke(text.TrimEnd('\n').Split('\n'));
        return Lines(output);
    }

    private static JsonElement[] Lines(MemoryStream output)
    {
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text);
        return text.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
    }

    private sealed class CapturingLogger : ILogger
    {
        public TelemetryLogState? State { get; private set; }

        public Func<TelemetryLogState, Exception?, string>? Formatter { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            State = (TelemetryLogState)(object)state!;
            Formatter = (Func<TelemetryLogState, Exception?, string>)(object)formatter;
        }
    }

    /// <summary>An output whose writes wait until released, like a stdout nobody reads.</summary>
    private sealed class StalledStream : Stream
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public void Release() => gate.TrySetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => await gate.Task.ConfigureAwait(false);

        public override Task FlushAsync(CancellationToken cancellationToken) => gate.Task;

        public override void Flush() => gate.Task.GetAwaiter().GetResult();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => gate.Task.GetAwaiter().GetResult();
    }
}
