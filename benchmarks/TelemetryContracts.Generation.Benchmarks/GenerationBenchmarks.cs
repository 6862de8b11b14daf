using BenchmarkDotNet.Attributes;
using TelemetryContracts.Contracts;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Benchmarks;

/// <summary>
/// What a build pays for generation, on the repository's real contracts: every artefact for all of them, and the
/// richest dashboard alone. (Loading contracts is the contract model's cost, measured there.)
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GenerationBenchmarks
{
    private IReadOnlyList<TelemetryContract> contracts = Array.Empty<TelemetryContract>();
    private TelemetryContract scanium = null!;
    private readonly GenerationOptions options = new();

    [GlobalSetup]
    public void Setup()
    {
        contracts = RepoPaths.ContractFiles.Select(f => ContractLoader.LoadFile(f).Contract).ToList();
        scanium = contracts.Single(c => c.Service == "scanium-backend");
    }

    [Benchmark]
    public int AllArtefacts_AllContracts() => TelemetryArtifactsGenerator.Generate(contracts, options).Count;

    [Benchmark]
    public int ScaniumDashboardJson() => DashboardEmitter.Emit(DashboardEmitter.Build(scanium, options)).Length;
}
