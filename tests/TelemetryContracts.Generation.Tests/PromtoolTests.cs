using TelemetryContracts.Contracts;
using TelemetryContracts.Generation.Prometheus;

namespace TelemetryContracts.Generation.Tests;

/// <summary>The generated Prometheus configuration and rules pass the real promtool.</summary>
public sealed class PromtoolTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-promtool-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void GeneratedConfigForAllContracts_PassesPromtoolSyntaxCheck()
    {
        var written = TelemetryArtifactsGenerator.Write(Contracts.All, new GenerationOptions(), dir);
        Assert.NotEmpty(written.Written);
        var (code, output) = Promtool.Run("check", "config", "--syntax-only", Path.Combine(dir, "prometheus", "prometheus.yml"));
        Assert.True(code == 0, output);
    }

    [SkippableFact]
    public void GeneratedConfig_WithCredentialFilesInPlace_PassesFullPromtoolCheckIncludingRules()
    {
        // The full check also opens credentials files and every rule file. Contracts naming their own absolute
        // token_file (medianest) cannot be satisfied here and are covered by the syntax check above.
        var secrets = Directory.CreateDirectory(Path.Combine(dir, "secrets")).FullName;
        var options = new GenerationOptions { PrometheusSecretsDirectory = secrets };
        var contracts = Contracts.All.Where(c => c.Scrape?.Auth.TokenFile is null && c.Scrape?.Auth.PasswordFile is null).ToList();
        foreach (var c in contracts)
        {
            if (ScrapeConfigEmitter.CredentialsFile(c, options) is { } file)
            {
                File.WriteAllText(file, "not-a-real-token\n");
            }
        }

        TelemetryArtifactsGenerator.Write(contracts, options, dir);
        var (code, output) = Promtool.Run("check", "config", Path.Combine(dir, "prometheus", "prometheus.yml"));
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
        Assert.Contains("scanium-backend.rules.yml", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GeneratedRulesForEveryContract_PassPromtoolCheckRules()
    {
        TelemetryArtifactsGenerator.Write(Contracts.All, new GenerationOptions(), dir);
        var files = Directory.GetFiles(Path.Combine(dir, "prometheus", "rules"), "*.rules.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Contracts.All.Count, files.Length);
        var (code, output) = Promtool.Run(new[] { "check", "rules" }.Concat(files).ToArray());
        Assert.True(code == 0, output);
    }

    [SkippableFact]
    public void PromtoolCheck_RejectsARuleFileWithBrokenPromQl()
    {
        // Proves the checks above can fail: the generated rules with one expression cut short.
        var rules = RulesEmitter.Emit(Contracts.All.Single(c => c.Service == "scanium-backend"), new GenerationOptions());
        var broken = Path.Combine(dir, "broken.rules.yml");
        File.WriteAllText(broken, rules.Replace("== 0'", "== '", StringComparison.Ordinal));
        var (code, _) = Promtool.Run("check", "rules", broken);
        Assert.NotEqual(0, code);
    }

    [Fact]
    public void BearerTokenFromEnvironment_IsReadFromACredentialsFile_NeverInline()
    {
        var contract = Contracts.All.Single(c => c.Service == "scanium-backend");
        Assert.Equal(AuthType.Bearer, contract.Scrape!.Auth.Type);
        var yaml = ScrapeConfigEmitter.Emit(new[] { contract }, new GenerationOptions { PrometheusSecretsDirectory = "/run/secrets/" });
        Assert.Contains("credentials_file: /run/secrets/scanium-backend.token\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("bearer_token:", yaml, StringComparison.Ordinal);
    }
}
