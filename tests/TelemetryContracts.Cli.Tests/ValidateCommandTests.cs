using System.Text.Json;

namespace TelemetryContracts.Cli.Tests;

/// <summary><c>telemetry-contracts validate</c>: output shapes and the documented exit codes.</summary>
public sealed class ValidateCommandTests
{
    private const string Invalid = "tests/TelemetryContracts.Contracts.Tests/contracts/invalid";

    [Fact]
    public void ValidatingTheRepositoryContracts_ExitsZero_WithOnlyTheDeliberateWarning()
    {
        var r = CliRunner.Run("validate", "contracts/");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("13 file(s) checked: 0 error(s), 1 warning(s), 0 info.", r.StdOut);
        Assert.Contains("contracts/scanium/scanium-backend.telemetry.yaml:33:11: warning TC1011:", r.StdOut);
    }

    [Fact]
    public void JsonFormat_PrintsEachFindingInTheDocumentedShape()
    {
        var r = CliRunner.Run("validate", Invalid, "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.True(findings.Count >= 40);
        foreach (var f in findings)
        {
            Assert.Matches("^TC[0-9]{4}$", f.GetProperty("id").GetString());
            Assert.Contains(f.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString()));
            var location = f.GetProperty("location");
            Assert.StartsWith(Invalid, location.GetProperty("file").GetString());
            Assert.True(location.GetProperty("line").GetInt32() >= 1);
            Assert.True(location.GetProperty("column").GetInt32() >= 1);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("hint").GetString()));
        }

        var counter = findings.Single(f => f.GetProperty("location").GetProperty("file").GetString()!.EndsWith("/counter-without-total.telemetry.yaml"));
        Assert.Equal("TC1008", counter.GetProperty("id").GetString());
        Assert.Equal(4, counter.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal(3, counter.GetProperty("location").GetProperty("column").GetInt32());
    }

    [Fact]
    public void FailOnWarning_TurnsAWarningIntoExitOne()
    {
        var r = CliRunner.Run("validate", "contracts/scanium/scanium-backend.telemetry.yaml", "--fail-on", "warning");
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void MissingPath_IsAUsageError()
    {
        var r = CliRunner.Run("validate", "no/such/contracts");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'no/such/contracts' is neither a contract file nor a folder", r.StdErr);
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        var r = CliRunner.Run("validate", "contracts/", "--formatt", "json");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void TextFormat_LinksEveryFindingToItsRulePage()
    {
        var r = CliRunner.Run("validate", Invalid + "/histogram-bucket-infinite.telemetry.yaml");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error TC1018: The bucket bound '+Inf' of 'latency_seconds' is not a finite number.", r.StdOut);
        Assert.Contains("docs: docs/rules/TC1018.md", r.StdOut);
    }
}
