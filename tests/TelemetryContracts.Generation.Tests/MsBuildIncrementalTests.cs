using System.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>
/// A tiny project importing build/TelemetryContracts.Generation.targets, built with the real <c>dotnet build</c>:
/// the files land in $(OutDir)telemetry/, a second build rewrites nothing, an edited contract regenerates only what
/// changed, and a contract with errors fails the build with its findings.
/// </summary>
public sealed class MsBuildIncrementalTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-msbuild-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void DotnetBuild_GeneratesIntoOutDirTelemetry_AndASecondBuildRewritesNothing()
    {
        var contract = Path.Combine(dir, "scanium-backend.telemetry.yaml");
        File.Copy(Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml"), contract);
        WriteProject();

        var (code, output) = Build();
        Assert.True(code == 0, output);
        var telemetry = Path.Combine(dir, "bin", "Debug", "net10.0", "telemetry");
        var dashboard = Path.Combine(telemetry, "grafana", "dashboards", "scanium-backend.json");
        var rules = Path.Combine(telemetry, "prometheus", "rules", "scanium-backend.rules.yml");
        Assert.True(File.Exists(dashboard), output);
        Assert.True(File.Exists(Path.Combine(telemetry, "prometheus", "prometheus.yml")));
        var expected = TelemetryArtifactsGenerator.Generate(new[] { Contracts.Load(contract) }, new GenerationOptions());
        Assert.Equal(expected.Single(f => f.RelativePath.EndsWith("scanium-backend.json", StringComparison.Ordinal)).Content, File.ReadAllText(dashboard));

        var before = Stamps(telemetry);
        (code, output) = Build();
        Assert.True(code == 0, output);
        Assert.Contains("Skipping target \"TelemetryContractsGenerate\"", output, StringComparison.Ordinal);
        Assert.Equal(before, Stamps(telemetry));

        // An edit that only changes the dashboard: the target runs, and only the dashboard is rewritten.
        File.WriteAllText(contract, File.ReadAllText(contract).Replace("description: Scanium item-scanning API", "description: Scanium scanning API", StringComparison.Ordinal));
        (code, output) = Build();
        Assert.True(code == 0, output);
        var after = Stamps(telemetry);
        Assert.NotEqual(before[dashboard], after[dashboard]);
        Assert.Equal(before[rules], after[rules]);
        Assert.Contains("Scanium scanning API", File.ReadAllText(dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public void DotnetBuild_WithAContractErrorInAdditionalFiles_FailsAndShowsTheFinding()
    {
        // Without the default glob: the contract reaches generation the way it reaches the source generator.
        Directory.CreateDirectory(Path.Combine(dir, "contracts"));
        File.WriteAllText(Path.Combine(dir, "contracts", "broken.telemetry.yaml"), "service: broken\nnamespace: broken\nmetrics:\n  requests_total:\n    type: countr\n    help: Requests.\n");
        WriteProject("""
            <PropertyGroup><EnableDefaultTelemetryContractItems>false</EnableDefaultTelemetryContractItems></PropertyGroup>
            <ItemGroup><AdditionalFiles Include="contracts/broken.telemetry.yaml" /></ItemGroup>
            """);
        var (code, output) = Build();
        Assert.NotEqual(0, code);
        Assert.Contains("telemetry-contracts generate failed", output, StringComparison.Ordinal);
        Assert.Contains("countr", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "bin", "Debug", "net10.0", "telemetry", "grafana")));
    }

    private static Dictionary<string, DateTime> Stamps(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private void WriteProject(string extra = "")
    {
        var targets = Path.Combine(RepoPaths.Root, "src", "TelemetryContracts.Build", "build", "TelemetryContracts.Generation.targets");
        File.WriteAllText(Path.Combine(dir, "Tiny.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TelemetryContractsCliPath>{CliPath()}</TelemetryContractsCliPath>
              </PropertyGroup>
              {extra}
              <Import Project="{targets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Class1.cs"), "namespace Tiny; public static class Class1 { }\n");
    }

    private static string CliPath()
    {
        // The CLI built beside this test assembly's configuration (Debug or Release).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepoPaths.Root, "src", "TelemetryContracts.Cli", "bin", configuration, "net10.0", "telemetry-contracts.dll");
        Assert.True(File.Exists(path), "CLI not built at " + path);
        return path;
    }

    private (int Code, string Output) Build()
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "build", "Tiny.csproj", "-nologo", "-v:n", "-nodeReuse:false", "--disable-build-servers", "-tl:off" })
        {
            psi.ArgumentList.Add(a);
        }

        // The test host runs inside MSBuild-related environment variables; the child build must start clean.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish within 5 minutes");
        }

        // The tail is enough to explain a failure; the csc command line alone is several kilobytes.
        var all = stdout.Result + stderr.Result;
        var lines = all.Split('\n').Where(l => !l.Contains("/reference:", StringComparison.Ordinal)).ToList();
        return (p.ExitCode, string.Join('\n', lines));
    }
}
