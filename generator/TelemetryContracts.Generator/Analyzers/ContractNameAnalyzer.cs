using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TelemetryContracts.Contracts;

namespace TelemetryContracts.Generator.Analyzers;

/// <summary>
/// Finds code that can drift from the contract: a Meter/registry instrument created by hand with a contract metric's
/// name (TC2010), and any other string literal spelling a contract metric name (TC2011). Generated code is skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContractNameAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> InstrumentFactories = new(StringComparer.Ordinal)
    {
        "CreateCounter", "CreateUpDownCounter", "CreateHistogram", "CreateGauge", "CreateObservableCounter",
        "CreateObservableGauge", "CreateObservableUpDownCounter", "CreateDoubleCounter", "CreateCallbackGauge",
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HandMadeContractInstrument, DiagnosticDescriptors.ContractNameLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var names = CollectNames(start.Options, start.CancellationToken);
            if (names.Count == 0)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(ctx => AnalyzeLiteral(ctx, names), SyntaxKind.StringLiteralExpression);
        });
    }

    private static Dictionary<string, Owner> CollectNames(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, Owner>(StringComparer.Ordinal);
        foreach (var file in options.AdditionalFiles)
        {
            var isContract = ContractLoader.IsContractFile(file.Path)
                || (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue("build_metadata.AdditionalFiles.TelemetryContract", out var flag)
                    && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase));
            if (!isContract)
            {
                continue;
            }

            try
            {
                var text = file.GetText(cancellationToken)?.ToString();
                if (text is null)
                {
                    continue;
                }

                var contract = ContractLoader.Parse(file.Path, text).Contract;
                var className = Identifiers.Pascal(contract.Service) + "Telemetry";
                var spec = ContractGenerator.Parser.ToSpec(file.Path, contract);
                foreach (var m in spec.Metrics)
                {
                    var owner = new Owner(spec.FileName, className + "." + m.ClassName + ".Name", className + "." + m.PropertyName);
                    names[m.FullName] = owner;
                    if (m.Kind == Model.MetricKind.Counter && m.FullName.EndsWith("_total", StringComparison.Ordinal))
                    {
                        // The runtime and OpenTelemetry name the instrument without _total; a literal of that spelling drifts too.
                        names[m.FullName.Substring(0, m.FullName.Length - "_total".Length)] = owner;
                    }
                }
            }
            catch (Exception)
            {
                // The generator reports contract problems; the analyzer only needs the names it can read.
            }
        }

        return names;
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, Dictionary<string, Owner> names)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (!names.TryGetValue(value, out var owner))
        {
            return;
        }

        if (literal.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument
            && invocation.ArgumentList.Arguments.IndexOf(argument) == 0
            && MethodName(invocation) is { } method
            && InstrumentFactories.Contains(method))
        {
            var symbol = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol as IMethodSymbol;
            var type = symbol?.ContainingType?.ToDisplayString();
            if (type is "System.Diagnostics.Metrics.Meter" or "TelemetryContracts.Runtime.MetricRegistry")
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandMadeContractInstrument, literal.GetLocation(), Message(TelemetryContracts.Diagnostics.RuleCatalog.HandMadeContractInstrument, method, value, owner.FileName, owner.Member)));
                return;
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContractNameLiteral, literal.GetLocation(), Message(TelemetryContracts.Diagnostics.RuleCatalog.ContractNameLiteral, value, owner.FileName, owner.Constant)));
    }

    /// <summary>The message with its next action, as the generator writes contract findings.</summary>
    private static string Message(TelemetryContracts.Diagnostics.Rule rule, params object[] args) => rule.Format(args) + " " + rule.FormatHint(args);

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        _ => invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax gn } ? gn.Identifier.ValueText : null,
    };

    private sealed record Owner(string FileName, string Constant, string Member);
}
