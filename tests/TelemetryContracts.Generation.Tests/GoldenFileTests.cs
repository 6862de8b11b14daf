using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.Generation.Grafana;
using TelemetryContracts.Generation.Logs;
using TelemetryContracts.Generation.Prometheus;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>
/// Approved copies of every generated file for every contract in contracts/: a change to an emitter shows up as
/// a reviewed diff of real output (TC_ACCEPT_SNAPSHOTS=1 accepts).
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly GenerationOptions Options = new();

    public static IEnumerable<object[]> ContractNames => Contracts.Names;

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Dashboard_MatchesApprovedFile(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        ApprovedFile.Verify(DashboardEmitter.Emit(DashboardEmitter.Build(c, Options)), nameof(GoldenFileTests), nameof(Dashboard_MatchesApprovedFile), c.Service, "json");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Rules_MatchApprovedFile(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        ApprovedFile.Verify(RulesEmitter.Emit(c, Options), nameof(GoldenFileTests), nameof(Rules_MatchApprovedFile), c.Service, "yml");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void AlloyFragment_MatchesApprovedFile(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        ApprovedFile.Verify(AlloyEmitter.Emit(c, Options), nameof(GoldenFileTests), nameof(AlloyFragment_MatchesApprovedFile), c.Service, "alloy");
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void PromtailFragment_MatchesApprovedFile(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        ApprovedFile.Verify(PromtailEmitter.Emit(c, Options), nameof(GoldenFileTests), nameof(PromtailFragment_MatchesApprovedFile), c.Service, "yaml");
    }

    [Fact]
    public void PrometheusConfig_ForAllContracts_MatchesApprovedFile() =>
        ApprovedFile.Verify(ScrapeConfigEmitter.Emit(Contracts.All, Options), nameof(GoldenFileTests), nameof(PrometheusConfig_ForAllContracts_MatchesApprovedFile), extension: "yml");

    [Fact]
    public void GrafanaProvisioning_MatchesApprovedFiles()
    {
        ApprovedFile.Verify(ProvisioningEmitter.EmitDatasources(Options), nameof(GoldenFileTests), nameof(GrafanaProvisioning_MatchesApprovedFiles), "datasources", "yaml");
        ApprovedFile.Verify(ProvisioningEmitter.EmitDashboardProvider(Options), nameof(GoldenFileTests), nameof(GrafanaProvisioning_MatchesApprovedFiles), "dashboards", "yaml");
    }
}
