using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Generator.Analyzers;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generator.Tests;

/// <summary>One test per generator rule ID (ID and location), plus the mapping of contract findings onto compiler diagnostics.</summary>
public sealed class DiagnosticsTests
{
    private const string Orders = """
        service: orders
        namespace: shop
        labels:
          region: { values: [eu-west, us-east] }
        metrics:
          orders_created_total:
            type: counter
            help: Orders created.
            labels: [region]
        """;

    [Fact]
    public void ContractFinding_IsReportedAtItsYamlKey_WithTheRuleIdAndSeverity()
    {
        var text = Orders.Replace("    type: counter", "    tpye: counter", StringComparison.Ordinal);
        var (_, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.Contract("/src/orders.telemetry.yaml", text));

        var unknown = Assert.Single(diagnostics, d => d.Id == "TC1004");
        Assert.Equal(DiagnosticSeverity.Error, unknown.Severity);
        var span = unknown.Location.GetLineSpan();
        Assert.Equal("/src/orders.telemetry.yaml", span.Path);
        Assert.Equal(6, span.StartLinePosition.Line);
        Assert.Equal(4, span.StartLinePosition.Character);
        Assert.Equal("tpye", text.Substring(unknown.Location.SourceSpan.Start, 4));
        Assert.Contains("tpye", unknown.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void ContractWarning_IsACompilerWarning_AndCodeIsStillGenerated()
    {
        var path = Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");
        var (_, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.ContractFile(path));

        var unit = Assert.Single(diagnostics, d => d.Id == "TC1011");
        Assert.Equal(DiagnosticSeverity.Warning, unit.Severity);
        Assert.Contains("unit: milliseconds", File.ReadAllLines(path)[unit.Location.GetLineSpan().StartLinePosition.Line], StringComparison.Ordinal);
        Assert.Single(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void UnreadableContract_ReportsTC2001()
    {
        var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.Contract("/src/gone.telemetry.yaml", null));

        var d = Assert.Single(diagnostics);
        Assert.Equal(RuleCatalog.GeneratorFailed.Id, d.Id);
        Assert.Equal("/src/gone.telemetry.yaml", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void ProjectWithoutRuntime_ReportsTC2002_AndGeneratesNothing()
    {
        var (_, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(withRuntime: false), GeneratorHarness.Contract("/src/orders.telemetry.yaml", Orders));

        var d = Assert.Single(diagnostics);
        Assert.Equal(RuleCatalog.RuntimeNotReferenced.Id, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void ContractWithErrors_ReportsTC2003_OnTheFile()
    {
        var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(), GeneratorHarness.Contract("/src/orders.telemetry.yaml", Orders.Replace("[region]", "[regoin]", StringComparison.Ordinal)));

        var d = Assert.Single(diagnostics, d => d.Id == RuleCatalog.ContractHasErrors.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains(diagnostics, x => x.Id.StartsWith("TC1", StringComparison.Ordinal) && x.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TwoContractsOfOneService_ReportTC2004_OnTheSecondFile()
    {
        var (_, diagnostics, _) = GeneratorHarness.Run(
            GeneratorHarness.Compilation(),
            GeneratorHarness.Contract("/src/a/orders.telemetry.yaml", Orders),
            GeneratorHarness.Contract("/src/b/orders.telemetry.yaml", Orders));

        var d = Assert.Single(diagnostics, d => d.Id == RuleCatalog.DuplicateServiceClass.Id);
        Assert.Equal("/src/b/orders.telemetry.yaml", d.Location.GetLineSpan().Path);
        Assert.Contains("OrdersTelemetry", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new System.Diagnostics.Metrics.Meter(\"m\").CreateCounter<long>(\"shop_orders_created_total\");", "CreateCounter")]
    [InlineData("new System.Diagnostics.Metrics.Meter(\"m\").CreateCounter<long>(\"shop_orders_created\");", "CreateCounter")]
    [InlineData("TelemetryContracts.Runtime.MetricRegistry.Default.CreateCounter(\"shop_orders_created_total\", \"help\");", "CreateCounter")]
    public async Task HandMadeInstrumentWithAContractName_ReportsTC2010(string statement, string factory)
    {
        var diagnostics = await AnalyzeAsync("public static class C { public static void M() { " + statement + " } }");

        var d = Assert.Single(diagnostics);
        Assert.Equal(RuleCatalog.HandMadeContractInstrument.Id, d.Id);
        Assert.Contains(factory, d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("OrdersTelemetry.OrdersCreatedTotal", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task ContractNameInAStringLiteral_ReportsTC2011_AtTheLiteral()
    {
        const string source = "public static class C { public const string Query = \"shop_orders_created_total\"; }";
        var diagnostics = await AnalyzeAsync(source);

        var d = Assert.Single(diagnostics);
        Assert.Equal(RuleCatalog.ContractNameLiteral.Id, d.Id);
        Assert.Equal(source.IndexOf("\"shop_", StringComparison.Ordinal), d.Location.SourceSpan.Start);
        Assert.Contains("OrdersTelemetry.OrdersCreatedTotalMetric.Name", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedCodeAndUnrelatedLiterals_AreNotReported()
    {
        var (output, _, _) = GeneratorHarness.Run(
            GeneratorHarness.Compilation(["public static class C { public const string Other = \"shop_orders\"; }"]),
            GeneratorHarness.Contract("/src/orders.telemetry.yaml", Orders));

        var diagnostics = await AnalyzeAsync(output);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void EveryGeneratorRule_HasADescriptorMatchingTheCatalogue_AReleaseEntryAndADocPage()
    {
        var rules = RuleCatalog.All.Where(r => r.Id.StartsWith("TC20", StringComparison.Ordinal)).ToList();
        var releases = File.ReadAllText(Path.Combine(RepoPaths.Root, "generator", "TelemetryContracts.Generator", "AnalyzerReleases.Unshipped.md"));
        Assert.Equal(rules.Select(r => r.Id), DiagnosticDescriptors.Generator.Select(d => d.Id));
        foreach (var rule in rules)
        {
            var descriptor = DiagnosticDescriptors.Generator.Single(d => d.Id == rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(DiagnosticDescriptors.Map(rule.DefaultSeverity), descriptor.DefaultSeverity);
            Assert.Contains($"{rule.Id} | {DiagnosticDescriptors.Category} | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "docs", "rules", rule.Id + ".md")), $"docs/rules/{rule.Id}.md is missing");
        }
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source) =>
        AnalyzeAsync(GeneratorHarness.Compilation([source]));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var options = new AnalyzerOptions([GeneratorHarness.Contract("/src/orders.telemetry.yaml", Orders)]);
        return await compilation
            .WithAnalyzers([new ContractNameAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();
    }
}
