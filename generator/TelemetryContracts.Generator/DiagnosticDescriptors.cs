using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Generator;

/// <summary>
/// The only place descriptors are made. Texts come from <see cref="RuleCatalog"/>, so a rule reads the same whether
/// the IDE, the CLI or a test reports it. The generator's own IDs are literals here so Roslyn's release tracking
/// (RS2008, AnalyzerReleases.*.md) sees them (titles and formats are literals for the same reason; a test
/// checks they equal the catalogue); contract-model findings (TC1xxx) get descriptors on demand.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "TelemetryContracts.Generator";
    private const string HelpLinkBase = "https://github.com/telemetry-contracts/telemetry-contracts/blob/main/docs/rules/";
    private static readonly ConcurrentDictionary<(string, Severity), DiagnosticDescriptor> Cache = new();

    public static readonly DiagnosticDescriptor GeneratorFailed = new DiagnosticDescriptor("TC2001", "Contract could not be turned into code", "{0}", Category, DiagnosticSeverity.Error, true, RuleCatalog.GeneratorFailed.Hint, HelpLinkBase + "TC2001.md");

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new DiagnosticDescriptor("TC2002", "Metrics runtime not referenced", "{0}", Category, DiagnosticSeverity.Error, true, RuleCatalog.RuntimeNotReferenced.Hint, HelpLinkBase + "TC2002.md");

    public static readonly DiagnosticDescriptor ContractHasErrors = new DiagnosticDescriptor("TC2003", "No code for a contract with errors", "{0}", Category, DiagnosticSeverity.Info, true, RuleCatalog.ContractHasErrors.Hint, HelpLinkBase + "TC2003.md");

    public static readonly DiagnosticDescriptor DuplicateServiceClass = new DiagnosticDescriptor("TC2004", "Two contracts generate the same class", "{0}", Category, DiagnosticSeverity.Error, true, RuleCatalog.DuplicateServiceClass.Hint, HelpLinkBase + "TC2004.md");

    public static readonly DiagnosticDescriptor HandMadeContractInstrument = new DiagnosticDescriptor("TC2010", "Instrument created outside the generated code", "{0}", Category, DiagnosticSeverity.Warning, true, RuleCatalog.HandMadeContractInstrument.Hint, HelpLinkBase + "TC2010.md");

    public static readonly DiagnosticDescriptor ContractNameLiteral = new DiagnosticDescriptor("TC2011", "Metric name written as a string literal", "{0}", Category, DiagnosticSeverity.Warning, true, RuleCatalog.ContractNameLiteral.Hint, HelpLinkBase + "TC2011.md");

    /// <summary>Every descriptor with a fixed ID (tests compare them with the catalogue).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Generator { get; } = new[]
    {
        GeneratorFailed, RuntimeNotReferenced, ContractHasErrors, DuplicateServiceClass, HandMadeContractInstrument, ContractNameLiteral,
    };

    /// <summary>The descriptor for a rule ID; its message is pre-formatted, hence the <c>{0}</c> format.</summary>
    public static DiagnosticDescriptor For(string id, Severity severity, string title, string category)
    {
        foreach (var d in Generator)
        {
            if (d.Id == id)
            {
                return d;
            }
        }

        return Cache.GetOrAdd((id, severity), key => new DiagnosticDescriptor(
            key.Item1,
            title,
            "{0}",
            "TelemetryContracts." + category,
            Map(key.Item2),
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + key.Item1 + ".md"));
    }

    /// <summary>Maps the contract model's severity onto Roslyn's.</summary>
    public static DiagnosticSeverity Map(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
