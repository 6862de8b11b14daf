using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryContracts.Generator;

namespace TelemetryContracts.Generator.Tests;

/// <summary>
/// Drives <see cref="ContractGenerator"/> with CSharpGeneratorDriver directly (the Roslyn testing packages are not
/// available here): a compilation against the real framework and runtime assemblies, contracts as AdditionalFiles.
/// </summary>
internal static class GeneratorHarness
{
    public const string Namespace = "Contracts.Generated";

    private static readonly Lazy<ImmutableArray<MetadataReference>> AllReferences = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[]
        {
            typeof(TelemetryContracts.Runtime.MetricRegistry).Assembly.Location,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location,
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly.Location,
        };
        return tpa.Concat(ours).Distinct(StringComparer.Ordinal).Where(File.Exists)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>References for a consumer; <paramref name="withRuntime"/> false drops TelemetryContracts.Runtime.</summary>
    public static IEnumerable<MetadataReference> References(bool withRuntime = true) =>
        AllReferences.Value.Where(r => withRuntime || !r.Display!.EndsWith("TelemetryContracts.Runtime.dll", StringComparison.Ordinal));

    public static CSharpCompilation Compilation(IEnumerable<string>? sources = null, bool withRuntime = true, string assemblyName = "Consumer") =>
        CSharpCompilation.Create(
            assemblyName,
            (sources ?? ["/// <summary>Gives the compilation a tree.</summary>\npublic static class Placeholder { }"]).Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References(withRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> contracts, bool trackSteps = false, string? ns = Namespace) =>
        CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            contracts,
            ParseOptions,
            new Options(ns),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static InMemoryText Contract(string path, string? text) => new(path, text);

    public static InMemoryText ContractFile(string path) => new(path, File.ReadAllText(path));

    /// <summary>Runs the generator once; returns the updated compilation, the generator diagnostics and the run result.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorDriverRunResult Result) Run(
        Compilation compilation, params AdditionalText[] contracts)
    {
        var driver = Driver(contracts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    /// <summary>Emits and loads the compilation into its own load context (sharing the runtime with the tests).</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        pe.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return context.LoadFromStream(pe);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    internal sealed class InMemoryText(string path, string? text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            text is null ? null : SourceText.From(text, Encoding.UTF8);
    }

    private sealed class Options(string? ns) : AnalyzerConfigOptionsProvider
    {
        private readonly Global global = new(ns);

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global.Empty;

        private sealed class Global(string? ns) : AnalyzerConfigOptions
        {
            public static readonly Global Empty = new(null);

            public override bool TryGetValue(string key, out string value)
            {
                value = ns ?? "";
                return ns is not null && key == "build_property.TelemetryContractsNamespace";
            }
        }
    }
}
