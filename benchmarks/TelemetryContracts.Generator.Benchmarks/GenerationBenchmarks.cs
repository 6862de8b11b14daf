using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TelemetryContracts.Generator.Benchmarks;

/// <summary>Goal: a cold generator run over a 1,000-metric contract in under 200 ms.</summary>
public class GenerationBenchmarks
{
    private CSharpCompilation compilation = null!;
    private static readonly Model.GeneratorOptions Options = new("Big", true, true, true, false);
    private ImmutableArray<AdditionalText> contracts;
    private string yamlText = "";
    private Model.ContractSpec? spec;

    [GlobalSetup]
    public void Setup()
    {
        var yaml = new StringBuilder("service: big\nnamespace: big\nlabels:\n  region: { values: [eu, us, ap] }\n  route: { max_values: 50 }\nmetrics:\n");
        for (var i = 0; i < 1000; i++)
        {
            switch (i % 4)
            {
                case 0: yaml.Append("  ops_").Append(i).Append("_total: { type: counter, help: Operations ").Append(i).Append(". , labels: [region, route] }\n"); break;
                case 1: yaml.Append("  depth_").Append(i).Append(": { type: gauge, help: Depth ").Append(i).Append(". , labels: [region] }\n"); break;
                case 2: yaml.Append("  active_").Append(i).Append(": { type: updown_counter, help: Active ").Append(i).Append(". }\n"); break;
                default: yaml.Append("  wait_").Append(i).Append("_seconds: { type: histogram, unit: seconds, help: Wait ").Append(i).Append(". , buckets: [0.01, 0.1, 1, 10], labels: [region] }\n"); break;
            }
        }

        yamlText = yaml.ToString();
        contracts = [new Text("/big.telemetry.yaml", yamlText)];
        spec = ContractGenerator.Parser.Parse("/big.telemetry.yaml", yamlText, CancellationToken.None).Spec;
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = tpa.Append(typeof(TelemetryContracts.Runtime.MetricRegistry).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        compilation = CSharpCompilation.Create("Big", [CSharpSyntaxTree.ParseText("class C { }")], references);
        var check = Run();
        if (check.GeneratedSources.Length != 1 || check.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The 1,000-metric contract did not generate: " + string.Join("\n", check.Diagnostics));
        }
    }

    [Benchmark]
    public int Generate1000MetricContract() => Run().GeneratedSources[0].SourceText.Length;

    /// <summary>The share of the run spent reading and validating the contract (the contract model's work).</summary>
    [Benchmark]
    public object? Parse1000MetricContract() => ContractGenerator.Parser.Parse(contracts[0].Path, yamlText, CancellationToken.None).Spec;

    /// <summary>The share spent writing C# text.</summary>
    [Benchmark]
    public int Emit1000MetricContract() => ContractGenerator.Emitter.Emit(spec!, Options).Length;

    private GeneratorRunResult Run() =>
        CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], contracts)
            .RunGenerators(compilation)
            .GetRunResult().Results[0];

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
