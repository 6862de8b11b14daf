using System.Text.Json;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Clients.Tests;

/// <summary>The Loki client against byte-exact answers of a real Loki 2.9.9, replayed through <see cref="RecordedHttpHandler"/>.</summary>
public class LokiClientRecordingTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1795238860);
    private static readonly DateTimeOffset End = DateTimeOffset.FromUnixTimeSeconds(1795239460);

    private static (LokiClient Client, RecordedHttpHandler Handler) Replay(params string[] files)
    {
        var handler = RecordedHttpHandler.ForLoki(files);
        return (new LokiClient(BackendOptions.For("http://127.0.0.1:3100"), handler), handler);
    }

    [Fact]
    public async Task Ready_Is503WithReasonWhileStarting_Then200()
    {
        var (client, handler) = Replay("00-ready-while-starting.txt", "00b-ready-ingester-waiting.txt", "01-ready.txt");

        var starting = await client.ReadyAsync();
        var waiting = await client.ReadyAsync();
        var ready = await client.ReadyAsync();

        Assert.Equal((false, 503), (starting.Value!.IsReady, starting.Value.StatusCode));
        Assert.StartsWith("Some services are not Running:", starting.Value.Message, StringComparison.Ordinal);
        Assert.Equal("Ingester not ready: waiting for 15s after being ready", waiting.Value!.Message);
        Assert.Equal((true, "ready"), (ready.Value!.IsReady, ready.Value.Message));
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task BuildInfo_ReadsVersion()
    {
        var (client, handler) = Replay("02-buildinfo.json");

        var info = await client.BuildInfoAsync();

        Assert.Equal(("2.9.9", "aaca205d6c"), (info.Value!.Version, info.Value.Revision));
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task Labels_WithAndWithoutRange()
    {
        var (client, handler) = Replay("05-labels.json", "06-labels-no-range.json");

        var ranged = await client.LabelNamesAsync(Start, End);
        var all = await client.LabelNamesAsync();

        Assert.Equal(new[] { "app", "env", "level" }, ranged.Value);
        Assert.Equal(ranged.Value, all.Value);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task LabelValues_UnknownLabelWithoutDataKey_IsEmpty()
    {
        var (client, handler) = Replay("07-label-app-values.json", "08-label-level-values-with-query.json", "09-label-unknown-values.json");

        var apps = await client.LabelValuesAsync("app", start: Start, end: End);
        var levels = await client.LabelValuesAsync("level", "{app=\"shop\"}", Start, End);
        var unknown = await client.LabelValuesAsync("doesnotexist", start: Start, end: End);

        Assert.Equal(new[] { "auth", "shop" }, apps.Value);
        Assert.Contains("error", levels.Value!);
        Assert.True(unknown.IsSuccess);
        Assert.Empty(unknown.Value);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task Series_OneOrTwoMatchersOrNone()
    {
        var (client, handler) = Replay("10-series.json", "11-series-two-matchers.json", "37-error-series-missing-match.json");

        var shop = await client.SeriesAsync(["{app=\"shop\"}"], Start, End);
        var two = await client.SeriesAsync(["{app=\"shop\",level=\"error\"}", "{env=\"prod\"}"], Start, End);
        var all = await client.SeriesAsync([], Start, End);

        Assert.All(shop.Value!, s => Assert.Equal("shop", s["app"]));
        Assert.Contains(two.Value!, s => s["env"] == "prod");
        Assert.Equal(4, all.Value!.Count);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task QueryRange_Streams_KeepDirectionAndNanosecondTimestamps()
    {
        var (client, handler) = Replay("13-query_range-streams-backward.json", "14-query_range-streams-forward-limit3.json", "20-query_range-no-results.json");

        var backward = await client.QueryRangeAsync("{app=\"shop\"}", Start, End, limit: 100, direction: LokiDirection.Backward);
        var forward = await client.QueryRangeAsync("{env=\"dev\"}", Start, End, limit: 3, direction: LokiDirection.Forward);
        var none = await client.QueryRangeAsync("{app=\"nope\"}", Start, End);

        Assert.Equal(QueryResultType.Streams, backward.Value!.ResultType);
        var info = backward.Value.Streams.Single(s => s.Labels["level"] == "info");
        Assert.Equal(1795239455000000000, info.Entries[0].TimestampNanoseconds);
        Assert.Contains("GET /health", info.Entries[0].Line, StringComparison.Ordinal);
        Assert.True(info.Entries[0].TimestampNanoseconds > info.Entries[^1].TimestampNanoseconds);
        Assert.Equal(3, forward.Value!.Streams.Sum(s => s.Entries.Count));
        Assert.Empty(none.Value!.Streams);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task QueryRange_ParsersAddExtractedLabels()
    {
        var (client, handler) = Replay("15-query_range-logfmt-filter.json", "16-query_range-json-linefilter.json");

        var logfmt = await client.QueryRangeAsync("{app=\"shop\"} | logfmt | status >= 500", Start, End, limit: 100);
        var json = await client.QueryRangeAsync("{app=\"auth\"} |= \"login\" | json", Start, End);

        Assert.All(logfmt.Value!.Streams, s => Assert.True(int.Parse(s.Labels["status"], System.Globalization.CultureInfo.InvariantCulture) >= 500));
        Assert.Contains(logfmt.Value.Streams, s => s.Labels.ContainsKey("level_extracted"));
        Assert.NotEmpty(json.Value!.Streams);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task QueryRange_MetricQueries_AreMatrices()
    {
        var handler = new RecordedHttpHandler()
            .Add(RecordedHttpHandler.LoadLoki("17-query_range-metric-count-by-level.json"))
            // The recording sent step=2m; this client sends seconds, which Loki treats the same.
            .Add(RecordedHttpHandler.LoadLoki("18-query_range-metric-rate-unwrap.json",
                "http://127.0.0.1:3100/loki/api/v1/query_range?query=avg_over_time%28%7bapp%3d%22shop%22%7d+%7c+logfmt+%7c+unwrap+duration_ms+%5b5m%5d%29&start=1795238860000000000&end=1795239460000000000&step=120"));
        using var client = new LokiClient(BackendOptions.For("http://127.0.0.1:3100"), handler);

        var count = await client.QueryRangeAsync("sum by (level) (count_over_time({env=\"dev\"}[5m]))", Start, End, step: TimeSpan.FromSeconds(60));
        var unwrap = await client.QueryRangeAsync("avg_over_time({app=\"shop\"} | logfmt | unwrap duration_ms [5m])", Start, End, step: TimeSpan.FromMinutes(2));

        Assert.Equal(QueryResultType.Matrix, count.Value!.ResultType);
        var info = count.Value.Matrix.Single(s => s.Labels["level"] == "info");
        Assert.Equal(new SamplePoint(1795239480, 5), info.Points[^1]);
        Assert.Equal(QueryResultType.Matrix, unwrap.Value!.ResultType);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task InstantQuery_VectorStreamsAndLiteral()
    {
        var (client, handler) = Replay("22-query-instant-metric.json", "23-query-instant-streams.json", "24-query-instant-vector-scalar.json", "25-query-instant-vector-literal.json");

        var byLevel = await client.QueryAsync("sum by (level) (count_over_time({env=\"dev\"}[5m]))", End);
        var streams = await client.QueryAsync("{app=\"auth\"}", End, limit: 10);
        var compared = await client.QueryAsync("count(count_over_time({env=\"dev\"}[10m])) > 1", End);
        var literal = await client.QueryAsync("vector(1)", End);

        Assert.Equal(new SamplePoint(1795239460, 5), byLevel.Value!.Vector.Single(v => v.Labels["level"] == "info").Point);
        Assert.Equal(QueryResultType.Streams, streams.Value!.ResultType);
        Assert.Equal(QueryResultType.Vector, compared.Value!.ResultType);
        Assert.Equal(1, Assert.Single(literal.Value!.Vector).Point.Value);
        Assert.Empty(literal.Value.Vector[0].Labels);
        handler.AssertAllUsed();
    }

    [Theory]
    [InlineData("30-error-query_range-bad-logql.txt", "{app=\"shop\"", "parse_error", 1, 12, "syntax error: unexpected $end, expecting } or ,")]
    [InlineData("32-error-query_range-empty-selector.txt", "{}", "parse_error", null, null, "queries require at least one regexp or equality matcher")]
    [InlineData("33-error-query_range-only-negative-matcher.txt", "{app!=\"x\"}", "parse_error", null, null, "app=~\".+\" will")]
    public async Task QueryRangeErrors_AreTypedWithLogQLPosition(string file, string query, string type, int? line, int? column, string text)
    {
        var (client, handler) = Replay(file);

        var result = await client.QueryRangeAsync(query, Start, End);

        Assert.Equal(ClientFailureKind.HttpStatus, result.Failure!.Kind);
        Assert.Equal(400, result.Failure.StatusCode);
        Assert.Equal((type, line, column), (result.Failure.Api!.Type, result.Failure.Api.Line, result.Failure.Api.Column));
        Assert.Contains(text, result.Failure.Api.Message, StringComparison.Ordinal);
        Assert.Contains(text, result.Failure.Message, StringComparison.Ordinal);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task InstantQueryParseError_CarriesColumn()
    {
        var (client, handler) = Replay("31-error-query-bad-logql.txt");

        var result = await client.QueryAsync("sum by (level) (count_over_time({env=\"dev\"}))", End);

        Assert.Equal(("parse_error", 1, 44), (result.Failure!.Api!.Type, result.Failure.Api.Line, result.Failure.Api.Column));
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task EndBeforeStart_IsABadParameter()
    {
        var (client, handler) = Replay("35-error-query_range-end-before-start.txt");

        var result = await client.QueryRangeAsync("{app=\"shop\"}", End, Start);

        Assert.Equal("bad_parameter", result.Failure!.Api!.Type);
        Assert.Equal("end timestamp must not be before or equal to start time", result.Failure.Api.Message);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task Push_Succeeds_With204AndSendsTheRecordedJson()
    {
        var (client, handler) = Replay("03-push-json.empty");

        var result = await client.PushAsync(ReadPushRequest("push-1.json"));

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        handler.AssertAllUsed();
    }

    [Theory]
    [InlineData("40-error-push-no-labels.txt", "push-bad-nolabels.json", "bad_push", "error at least one label pair is required per stream")]
    [InlineData("42-error-push-too-old.txt", "push-too-old.json", "too_old", "has timestamp too old")]
    public async Task PushRejections_AreTyped(string file, string request, string type, string text)
    {
        var (client, handler) = Replay(file);

        var result = await client.PushAsync(ReadPushRequest(request));

        Assert.Equal((ClientFailureKind.HttpStatus, 400, type), (result.Failure!.Kind, result.Failure.StatusCode, result.Failure.Api!.Type));
        Assert.Contains(text, result.Failure.Message, StringComparison.Ordinal);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task FormatQuery_PrettifiesAndReportsParseErrors()
    {
        var (client, handler) = Replay("50-format_query-get.json", "52-format_query-bad.json");

        var good = await client.FormatQueryAsync("sum by(level)(count_over_time({env=\"dev\",app=~\"sh.*\"}|=\"GET\"|logfmt|status>=200[5m]))");
        var bad = await client.FormatQueryAsync("{app=\"shop\"");

        Assert.Equal("sum by (level)(count_over_time({env=\"dev\", app=~\"sh.*\"} |= \"GET\" | logfmt | status>=200[5m]))", good.Value);
        Assert.Equal(("parse_error", 1, 12), (bad.Failure!.Api!.Type, bad.Failure.Api.Line, bad.Failure.Api.Column));
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task IndexStats_CountsOnlyFlushedChunks()
    {
        var (client, handler) = Replay("60-index-stats.json");

        var stats = await client.IndexStatsAsync("{app=\"shop\"}", Start, End);

        Assert.Equal(new LokiIndexStats(0, 0, 0, 0), stats.Value);
        handler.AssertAllUsed();
    }

    [Fact]
    public async Task UnexpectedRequest_FailsTheTestInsteadOfBecomingAClientFailure()
    {
        var (client, handler) = Replay("05-labels.json");

        await Assert.ThrowsAsync<RecordedHttpHandler.UnexpectedRequestException>(() => client.LabelNamesAsync(Start, End.AddSeconds(1)));
        Assert.Throws<Xunit.Sdk.XunitException>(handler.AssertAllUsed);
    }

    [Fact]
    public void UnusedRecording_FailsAssertAllUsed()
    {
        var (_, handler) = Replay("05-labels.json");

        var e = Assert.Throws<Xunit.Sdk.XunitException>(handler.AssertAllUsed);
        Assert.Contains("05-labels.json", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads a recorded push request into the client's model.</summary>
    private static List<LogPushStream> ReadPushRequest(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.LokiRecordings, "requests", file)));
        return doc.RootElement.GetProperty("streams").EnumerateArray().Select(s => new LogPushStream(
            s.GetProperty("stream").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            s.GetProperty("values").EnumerateArray().Select(v => new LogEntry(long.Parse(v[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture), v[1].GetString()!)).ToList())).ToList();
    }
}
