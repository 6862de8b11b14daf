using TelemetryContracts.Contracts.Schema;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>The contracts of the incident systems in <c>contracts/</c> are valid, schema-conformant and name their schema.</summary>
public sealed class RepositoryContractTests
{
    public static TheoryData<string> Contracts()
    {
        var data = new TheoryData<string>();
        foreach (var f in RepoPaths.ContractFiles)
        {
            data.Add(RepoPaths.Relative(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Contract_ValidatesWithoutErrors(string relative)
    {
        var result = ContractLoader.LoadFile(Path.Combine(RepoPaths.Root, relative));
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Contract_ValidatesAgainstTheJsonSchema(string relative)
    {
        var errors = ContractSchemaValidator.Validate(Path.Combine(RepoPaths.Root, relative));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Contract_StartsWithTheYamlLanguageServerSchemaLine(string relative)
    {
        var first = File.ReadLines(Path.Combine(RepoPaths.Root, relative)).First();
        Assert.Equal("# yaml-language-server: $schema=../schema/telemetry-contract.schema.json", first);
    }

    [Fact]
    public void IncidentSystems_AreAllDeclared()
    {
        var services = RepoPaths.ContractFiles.Select(f => ContractLoader.LoadFile(f).Contract.Service).ToHashSet();
        foreach (var s in new[]
                 {
                     "scanium-backend", "scanium-mobile", "ac-service", "global-controller", "meeting-controller", "rsky-ingester", "rsky-backfiller",
                     "medianest-backend", "api-gateway", "auth-service", "chat-service", "video-service", "storage-service",
                 })
        {
            Assert.Contains(s, services);
        }
    }

    [Fact]
    public void ScaniumBackend_KeepsTheReportsNames_AndOnlyTheUnitRuleWarns()
    {
        var result = ContractLoader.LoadFile(Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml"));
        var names = result.Contract.Metrics.Select(m => m.FullName).ToList();
        Assert.Contains("scanium_http_requests_total", names);
        Assert.Contains("scanium_http_request_duration_ms", names);
        var warning = Assert.Single(result.Findings);
        Assert.Equal(RuleCatalog.NonBaseUnit.Id, warning.Id);
        Assert.Contains("http_request_duration_ms", warning.Message);
    }

    [Fact]
    public void Rsky_DeclaresTheMetricsThatWereOnlyOnAnUnreleasedBranch()
    {
        var names = RepoPaths.ContractFiles.Select(f => ContractLoader.LoadFile(f).Contract)
            .Where(c => c.Service.StartsWith("rsky-", StringComparison.Ordinal))
            .SelectMany(c => c.Metrics).Select(m => m.FullName).ToHashSet();
        foreach (var n in new[]
                 {
                     "ingester_errors_total", "ingester_backfill_repos_fetched_total", "ingester_backfill_repos_written_total",
                     "ingester_backfill_fetch_errors_total", "ingester_backfill_cursor_skips_total", "ingester_backfill_complete",
                     "backfiller_car_parse_errors_total", "backfiller_verification_errors_total", "backfiller_repos_dead_lettered_total",
                 })
        {
            Assert.Contains(n, names);
        }
    }
}
