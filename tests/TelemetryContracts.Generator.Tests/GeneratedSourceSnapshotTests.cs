using Microsoft.CodeAnalysis;
using TelemetryContracts.Generator.Model;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generator.Tests;

/// <summary>The generated source is reviewed like code: every change shows up as a snapshot diff.</summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Theory]
    [MemberData(nameof(ContractCorpus.All), MemberType = typeof(ContractCorpus))]
    public void EveryContract_GeneratesTheApprovedSource(string contract)
    {
        var (_, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.ContractFile(ContractCorpus.FullPath(contract)));

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var source = Assert.Single(result.Results.Single().GeneratedSources);
        ApprovedFile.Verify(source.SourceText.ToString(), nameof(GeneratedSourceSnapshotTests), nameof(EveryContract_GeneratesTheApprovedSource), ContractCorpus.SnapshotName(contract));
    }

    [Fact]
    public void HandBuiltSpec_EmitsEveryInstrumentKindLabelKindAndLogLevel()
    {
        var spec = HandBuiltSpecs.EveryKind();
        var source = ContractGenerator.Emitter.Emit(spec, new GeneratorOptions("Sample.Telemetry", HasRuntime: true, HasLogging: true, HasDependencyInjection: true, HasTestKit: false));
        ApprovedFile.Verify(source, nameof(GeneratedSourceSnapshotTests), nameof(HandBuiltSpec_EmitsEveryInstrumentKindLabelKindAndLogLevel));
    }

    [Fact]
    public void ContractTests_ForTheScaniumBackend_CallTheKitOncePerMetricBackendAndStream()
    {
        var path = Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");
        var spec = ContractGenerator.Parser.Parse(path, File.ReadAllText(path), CancellationToken.None).Spec!;
        var source = ContractGenerator.Emitter.EmitContractTests(spec, new GeneratorOptions("Scanium.Tests", HasRuntime: false, HasLogging: false, HasDependencyInjection: false, HasTestKit: true));

        Assert.Contains("public global::System.Threading.Tasks.Task scanium_http_requests_total_is_served_by_metrics_endpoint() =>", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.Threading.Tasks.Task backend_log_stream_has_lines_in_loki() =>", source, StringComparison.Ordinal);
        ApprovedFile.Verify(source, nameof(GeneratedSourceSnapshotTests), nameof(ContractTests_ForTheScaniumBackend_CallTheKitOncePerMetricBackendAndStream));
    }

    [Fact]
    public void WithoutLoggingOrDependencyInjection_EmitsMetricsOnly()
    {
        var spec = HandBuiltSpecs.EveryKind();
        var source = ContractGenerator.Emitter.Emit(spec, new GeneratorOptions("", HasRuntime: true, HasLogging: false, HasDependencyInjection: false, HasTestKit: false));

        Assert.DoesNotContain("Microsoft.Extensions", source, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace ", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class OrdersTelemetry", source, StringComparison.Ordinal);
    }
}
