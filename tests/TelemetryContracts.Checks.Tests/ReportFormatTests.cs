using System.Text.Json;
using System.Xml.Linq;
using TelemetryContracts.Cli;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>Every report format is well-formed and carries the first broken link; the verb's alias and exit codes behave like validate's.</summary>
public sealed class ReportFormatTests
{
    private static async Task<(int Code, string Output, string Error)> RunAgainstMissingMetricAsync(string format, params string[] extra)
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Exposition(200, "# TYPE scanium_http_requests_total counter\nscanium_http_requests_total{service_name=\"scanium-backend\",env=\"qa\",method=\"GET\",route=\"/\",status_code=\"200\"} 1\n"));
        return await CliRunner.RunCheckAsync(new[] { "doctor", "--contract", Contracts.ScaniumPath, "--metrics-url", server.Url + "/metrics", "--format", format }.Concat(extra).ToArray(), new Dictionary<string, string>());
    }

    [Fact]
    public async Task Json_HasTheFirstBrokenLinkAndEveryCheck()
    {
        var (code, output, _) = await RunAgainstMissingMetricAsync("json");
        Assert.Equal(ExitCodes.Findings, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("metrics/declared-exposed", root.GetProperty("firstBrokenLink").GetProperty("check").GetString());
        Assert.Equal("TC5011", root.GetProperty("firstBrokenLink").GetProperty("finding").GetProperty("id").GetString());
        Assert.Equal(15, root.GetProperty("checks").GetArrayLength());
        Assert.Contains(root.GetProperty("checks").EnumerateArray(), c => c.GetProperty("status").GetString() == "skipped" && c.GetProperty("reason").GetString()!.Contains("--prometheus-url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sarif_Is210_WithRulesAndContractLocations()
    {
        var (_, output, _) = await RunAgainstMissingMetricAsync("sarif");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));
        var missing = results.First(r => r.GetProperty("ruleId").GetString() == "TC5011");
        var location = missing.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("scanium-backend.telemetry.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 1);
    }

    [Fact]
    public async Task Junit_HasOneTestCasePerCheck_WithFailuresAndSkips()
    {
        var (_, output, _) = await RunAgainstMissingMetricAsync("junit");
        var suite = XDocument.Parse(output).Root!.Element("testsuite")!;
        Assert.Equal("15", suite.Attribute("tests")!.Value);
        var failed = suite.Elements("testcase").Where(t => t.Element("failure") is not null).ToList();
        Assert.Contains(failed, t => t.Element("failure")!.Attribute("type")!.Value == "TC5011");
        Assert.Contains(failed, t => t.Element("failure")!.Attribute("type")!.Value == "TC5015");
        Assert.Equal(int.Parse(suite.Attribute("skipped")!.Value), suite.Elements("testcase").Count(t => t.Element("skipped") is not null));
    }

    [Fact]
    public async Task Markdown_StartsWithTheFirstBrokenLink()
    {
        var (_, output, _) = await RunAgainstMissingMetricAsync("markdown");
        Assert.StartsWith("## telemetry-contracts check: `scanium-backend`", output);
        Assert.Contains("❌ **First broken link: Declared metrics served", output);
        Assert.Contains("| `metrics/declared-exposed` Declared metrics served | ❌ failed | TC5011 |", output);
    }

    [Fact]
    public async Task Text_SaysTheFirstBrokenLinkInPlainWords_ThenEverythingChecked()
    {
        var (_, output, _) = await RunAgainstMissingMetricAsync("text");
        var lines = output.Split('\n');
        Assert.StartsWith("First broken link: Declared metrics served (metrics/declared-exposed): The metric 'scanium_http_request_duration_ms' is declared", lines[2]);
        Assert.Contains("Checked, in pipeline order", output);
        Assert.Contains("skipped     prometheus/reachable", output);
    }

    [Fact]
    public async Task FailOnIgnoredOnly_ExitsClean_AndIgnoredFindingsAreGone()
    {
        var (code, output, _) = await RunAgainstMissingMetricAsync("json", "--ignore", "TC5011", "TC5015", "--fail-on", "error");
        Assert.Equal(ExitCodes.Clean, code);
        Assert.DoesNotContain("TC5011", output);
    }

    [Theory]
    [InlineData("--metrics-url", "not-a-url", "is not an http:// or https:// URL")]
    [InlineData("--timeout", "0", "between 0 and 3600")]
    public async Task BadOption_IsUsageError(string option, string value, string message)
    {
        var (code, _, error) = await CliRunner.RunCheckAsync(new[] { "check", "--contract", Contracts.ScaniumPath, "--loki-url", "http://127.0.0.1:1", option, value }, new Dictionary<string, string>());
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task MissingOrInvalidContract_IsUsageError()
    {
        var (code, _, error) = await CliRunner.RunCheckAsync(new[] { "check", "--contract", "nope.telemetry.yaml", "--metrics-url", "http://127.0.0.1:1/metrics" }, new Dictionary<string, string>());
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("does not exist", error);
        var (none, _, noneError) = await CliRunner.RunCheckAsync(new[] { "check", "--contract", Contracts.ScaniumPath }, new Dictionary<string, string>());
        Assert.Equal(ExitCodes.UsageError, none);
        Assert.Contains("nothing to check", noneError);
    }
}
