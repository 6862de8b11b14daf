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
    public void WithoutLoggingOrDependencyInjection_EmitsMetricsOnly()
    {
        var spec = HandBuiltSpecs.EveryKind();
        var source = ContractGenerator.Emitter.Emit(spec, new GeneratorOptions("", HasRuntime: true, HasLogging: false, HasDependencyInjection: false, HasTestKit: false));

        Assert.DoesNotContain("Microsoft.Extensions", source, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace ", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class OrdersTelemetry", source, StringComparison.Ordinal);
    }
}
