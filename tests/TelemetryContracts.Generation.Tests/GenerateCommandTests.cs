using TelemetryContracts.Cli;
using TelemetryContracts.Cli.Commands.Generate;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>The <c>generate</c> verb: writes the same files as the library, refuses contracts with errors.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-generate-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Generate_AllContracts_WritesEveryFileThenReportsThemUnchanged()
    {
        var output = Path.Combine(dir, "out");
        var (code, stdout, _) = Run("generate", RepoPaths.Contracts, "--out", output);
        Assert.Equal(ExitCodes.Clean, code);
        var expected = TelemetryArtifactsGenerator.Generate(Contracts.All, new GenerationOptions());
        Assert.All(expected, f => Assert.Equal(f.Content, File.ReadAllText(Path.Combine(output, f.RelativePath))));
        Assert.Contains($"{expected.Count} file(s) written, 0 unchanged", stdout, StringComparison.Ordinal);

        (code, stdout, _) = Run("generate", RepoPaths.Contracts, "--out", output);
        Assert.Equal(ExitCodes.Clean, code);
        Assert.Contains($"0 file(s) written, {expected.Count} unchanged", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_WithDatasourceUidOptions_WritesThemIntoDashboardsAndProvisioning()
    {
        var output = Path.Combine(dir, "out");
        var contract = Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");
        var (code, _, _) = Run("generate", contract, "--out", output, "--prometheus-uid", "prom-a", "--loki-uid", "loki-b");
        Assert.Equal(ExitCodes.Clean, code);
        Assert.Contains("\"value\": \"prom-a\"", File.ReadAllText(Path.Combine(output, "grafana", "dashboards", "scanium-backend.json")), StringComparison.Ordinal);
        var datasources = File.ReadAllText(Path.Combine(output, "grafana", "provisioning", "datasources", "telemetry-contracts.yaml"));
        Assert.Contains("uid: prom-a\n", datasources, StringComparison.Ordinal);
        Assert.Contains("uid: loki-b\n", datasources, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_AContractWithErrors_IsRefusedWithTheFindingAndWritesNothing()
    {
        var broken = Path.Combine(dir, "broken.telemetry.yaml");
        File.WriteAllText(broken, "service: broken\nnamespace: broken\nmetrics:\n  requests_total:\n    type: countr\n    help: Requests.\n");
        var output = Path.Combine(dir, "out");
        var (code, stdout, stderr) = Run("generate", broken, "--out", output);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("countr", stdout, StringComparison.Ordinal);
        Assert.Contains("broken.telemetry.yaml", stdout, StringComparison.Ordinal);
        Assert.Contains("not generated", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Generate_AMissingPath_IsAUsageError()
    {
        var (code, _, stderr) = Run("generate", Path.Combine(dir, "nope"), "--out", Path.Combine(dir, "out"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("neither a contract file nor a folder", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var parse = CliParser.CreateRoot().Parse(args);
        Assert.Empty(parse.Errors);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new GenerateCommand(parse, new WriterReporter(stdout, stderr)).Execute();
        return (code, stdout.ToString(), stderr.ToString());
    }
}
