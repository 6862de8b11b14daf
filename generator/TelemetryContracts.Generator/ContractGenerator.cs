using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TelemetryContracts.Contracts;
using TelemetryContracts.Generator.Model;

namespace TelemetryContracts.Generator;

/// <summary>
/// Generates a typed telemetry class per contract file (<c>*.telemetry.yaml|yml|json</c> in AdditionalFiles, or any
/// AdditionalFiles item with <c>TelemetryContract="true"</c> metadata) and reports every contract finding as a
/// compiler diagnostic located in the contract.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ContractGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ReadOptions(pair.Left, pair.Right.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsContract(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.ContractFiles);

        // Each file is parsed on its own, so an edit to one contract re-parses and re-emits only that contract.
        var parsed = files
            .Select(static (file, ct) => Parser.Parse(file.Path, ReadText(file, ct), ct))
            .WithTrackingName(TrackingNames.ParsedContracts);

        // Diagnostics get their own output (as in dotnet/runtime's generators): the source output below then depends
        // on the spec alone and is not re-run when only a finding's position moves.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.ContractDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var d in items)
            {
                spc.ReportDiagnostic(d.ToDiagnostic());
            }
        });

        var specs = parsed
            .Where(static r => r.Spec is not null)
            .Select(static (r, _) => new SpecWithPath(r.FilePath, r.Spec!))
            .WithTrackingName(TrackingNames.ContractSpecs);

        var emitInputs = specs
            .Combine(options)
            .WithTrackingName(TrackingNames.EmitInputs);

        context.RegisterSourceOutput(emitInputs, static (spc, pair) =>
        {
            var (item, opts) = pair;
            var hint = HintName(item);
            if (opts.HasTestKit)
            {
                spc.AddSource(hint + ".ContractTests.g.cs", SourceText.From(Emitter.EmitContractTests(item.Spec, opts), System.Text.Encoding.UTF8));
            }

            if (opts.HasRuntime)
            {
                spc.AddSource(hint + ".g.cs", SourceText.From(Emitter.Emit(item.Spec, opts), System.Text.Encoding.UTF8));
            }
            else if (!opts.HasTestKit)
            {
                // A test project that only references the test kit gets the tests and needs no runtime.
                var info = Parser.FromRule(TelemetryContracts.Diagnostics.RuleCatalog.RuntimeNotReferenced, item.FilePath, null, item.Spec.FileName);
                spc.ReportDiagnostic(info.ToDiagnostic());
            }
        });

        // Two contracts with the same service would emit the same class; say which files collide.
        var classNames = specs
            .Select(static (s, _) => new ClassOwner(s.Spec.ClassName, s.FilePath, s.Spec.FileName))
            .Collect()
            .Select(static (owners, _) => owners.OrderBy(o => o.FilePath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.ClassNames);
        context.RegisterSourceOutput(classNames, static (spc, owners) =>
        {
            var first = new Dictionary<string, ClassOwner>(StringComparer.Ordinal);
            foreach (var owner in owners)
            {
                if (first.TryGetValue(owner.ClassName, out var earlier))
                {
                    var info = Parser.FromRule(TelemetryContracts.Diagnostics.RuleCatalog.DuplicateServiceClass, owner.FilePath, null, owner.FileName, owner.ClassName, earlier.FileName);
                    spc.ReportDiagnostic(info.ToDiagnostic());
                }
                else
                {
                    first[owner.ClassName] = owner;
                }
            }
        });
    }

    /// <summary>The hint name stem: the class plus a hash of the path, so two files can never make AddSource throw.</summary>
    private static string HintName(SpecWithPath item)
    {
        var hash = 2166136261u;
        foreach (var c in item.FilePath.Replace('\\', '/'))
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return item.Spec.ClassName + "." + hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static bool IsContract(AdditionalText file, AnalyzerConfigOptionsProvider provider)
    {
        if (ContractLoader.IsContractFile(file.Path))
        {
            return true;
        }

        return provider.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.TelemetryContract", out var flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
    }

    private static string? ReadText(AdditionalText file, CancellationToken cancellationToken) =>
        file.GetText(cancellationToken)?.ToString();

    private static GeneratorOptions ReadOptions(Compilation compilation, AnalyzerConfigOptions options)
    {
        var ns = options.TryGetValue("build_property.TelemetryContractsNamespace", out var configured) && configured.Length > 0
            ? configured
            : options.TryGetValue("build_property.RootNamespace", out var root) && root.Length > 0 ? root : "TelemetryContracts.Generated";
        var hasRuntime = false;
        var hasLogging = false;
        var hasDi = false;
        var hasTestKit = false;
        var hasSkippableFact = false;
        var hasTelemetryLogging = false;
        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            switch (reference.Name)
            {
                case "TelemetryContracts.Runtime": hasRuntime = true; break;
                case "Microsoft.Extensions.Logging.Abstractions": hasLogging = true; break;
                case "Microsoft.Extensions.DependencyInjection.Abstractions": hasDi = true; break;
                case "TelemetryContracts.Testing": hasTestKit = true; break;
                case "Xunit.SkippableFact": hasSkippableFact = true; break;
                case "TelemetryContracts.Logging": hasTelemetryLogging = true; break;
            }
        }

        return new GeneratorOptions(SanitiseNamespace(ns), hasRuntime, hasLogging, hasDi, hasTestKit && hasSkippableFact, hasTelemetryLogging);
    }

    private static string SanitiseNamespace(string ns) =>
        string.Join(".", ns.Split('.').Where(p => p.Length > 0).Select(Identifiers.Pascal));

    private sealed record SpecWithPath(string FilePath, ContractSpec Spec);

    private sealed record ClassOwner(string ClassName, string FilePath, string FileName);
}
