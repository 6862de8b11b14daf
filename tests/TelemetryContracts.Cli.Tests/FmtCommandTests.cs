using System.Text.Json;

namespace TelemetryContracts.Cli.Tests;

/// <summary><c>telemetry-contracts fmt</c>: canonical forms, located errors, and the JSON array shape of <c>--file</c>.</summary>
public sealed class FmtCommandTests
{
    [Fact]
    public void FileWithJsonFormat_PrintsOneObjectPerLineInOrder()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fmt-{Guid.NewGuid():N}.promql");
        File.WriteAllLines(file, new[] { "sum by(job)(rate(http_requests_total[5m]))", "sum(rate(x[5m])", "up" });
        try
        {
            var r = CliRunner.Run("fmt", "--lang", "promql", "--file", file, "--format", "json");

            Assert.Equal(1, r.ExitCode);
            using var doc = JsonDocument.Parse(r.StdOut);
            var items = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(3, items.Count);
            Assert.True(items[0].GetProperty("ok").GetBoolean());
            Assert.Equal("sum by (job) (rate(http_requests_total[5m]))", items[0].GetProperty("formatted").GetString());
            Assert.Equal(JsonValueKind.Null, items[0].GetProperty("error").ValueKind);
            Assert.False(items[1].GetProperty("ok").GetBoolean());
            Assert.Equal(JsonValueKind.Null, items[1].GetProperty("formatted").ValueKind);
            Assert.Equal(15, items[1].GetProperty("error").GetProperty("offset").GetInt32());
            Assert.NotEmpty(items[1].GetProperty("error").GetProperty("message").GetString()!);
            Assert.Equal("up", items[2].GetProperty("formatted").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void LogQLExpression_PrintsTheCanonicalForm()
    {
        var r = CliRunner.Run("fmt", "--lang", "logql", "{source=\"scanium-backend\"}|=\"error\"|json");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{source=\"scanium-backend\"} |= \"error\" | json", r.StdOut.Trim());
    }

    [Fact]
    public void BrokenExpression_PrintsALocatedErrorWithACaret()
    {
        var r = CliRunner.Run("fmt", "--lang", "promql", "rate(up[5m]");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error at offset 11", r.StdOut, StringComparison.Ordinal);
        Assert.Contains("rate(up[5m]\n               ^", r.StdOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void NeitherExpressionNorFile_IsAUsageError()
    {
        var r = CliRunner.Run("fmt", "--lang", "promql");

        Assert.Equal(2, r.ExitCode);
    }
}
