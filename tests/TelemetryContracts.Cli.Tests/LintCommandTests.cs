using System.Text.Json;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Cli.Tests;

/// <summary><c>telemetry-contracts lint</c>: exit codes and the finding shape on real dashboards and contracts.</summary>
public sealed class LintCommandTests
{
    [Fact]
    public void IncidentDashboard_JsonFindingsNamePanelTargetAndCaret()
    {
        var dashboard = Path.Combine(RepoPaths.Corpus, "dashboards", "rsky__example-prometheus-dashboard.json");

        var r = CliRunner.Run("lint", dashboard, "--contracts", "contracts/", "--format", "json");

        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal("lint", doc.RootElement.GetProperty("tool").GetString());
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "TC6052");
        Assert.Contains("rust-backfiller", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Matches("^panels\\[\\d+\\].* target [A-Z]$", finding.GetProperty("location").GetProperty("path").GetString());
        Assert.Contains("^", finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.True(finding.GetProperty("location").GetProperty("line").GetInt32() > 1);
    }

    [Fact]
    public void CleanDashboard_ExitsZero()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lint-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"panels": [{"id": 1, "title": "RPS", "targets": [{"refId": "A", "expr": "sum(rate(scanium_http_requests_total{env=\"prod\"}[5m]))"}]}]}""");
        try
        {
            var r = CliRunner.Run("lint", file, "--contracts", "contracts/scanium");

            Assert.Equal(0, r.ExitCode);
            Assert.Contains("1 file(s) checked: 0 error(s)", r.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MissingContracts_IsAUsageError()
    {
        var r = CliRunner.Run("lint", Path.Combine(RepoPaths.Corpus, "dashboards"), "--contracts", "no-such-folder");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no-such-folder", r.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableDashboard_IsAUsageErrorWithALocatedFinding()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lint-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\n  \"panels\": [\n}");
        try
        {
            var r = CliRunner.Run("lint", file, "--contracts", "contracts/scanium");

            Assert.Equal(2, r.ExitCode);
            Assert.Contains(":3:1: error TC6040", r.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
