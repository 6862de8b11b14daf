namespace TelemetryContracts.Diagnostics;

// TC2001–TC2099: the source generator and its analyzers. Also listed in
// generator/TelemetryContracts.Generator/AnalyzerReleases.*.md (Roslyn release tracking, RS2008).
public static partial class RuleCatalog
{
    private const string Generator = "Generator";

    /// <summary>The generator failed on a contract; the build continues without that contract's code.</summary>
    public static Rule GeneratorFailed { get; } = Define("TC2001", Severity.Error, Generator, "Contract could not be turned into code",
        "No code was generated for '{0}': {1}.", "Fix the contract at the position shown, or report the message with the contract attached if the contract is valid.");

    /// <summary>A contract is in the compilation but the runtime the generated code needs is not referenced.</summary>
    public static Rule RuntimeNotReferenced { get; } = Define("TC2002", Severity.Error, Generator, "Metrics runtime not referenced",
        "The contract '{0}' declares metrics but the project does not reference TelemetryContracts.Runtime, so no code was generated.", "Reference the TelemetryContracts package (or the TelemetryContracts.Runtime project) in this project.");

    /// <summary>A contract with errors produces no code.</summary>
    public static Rule ContractHasErrors { get; } = Define("TC2003", Severity.Info, Generator, "No code for a contract with errors",
        "No code was generated for '{0}' because it has {1} error(s); the types it declares will be missing until they are fixed.", "Fix the contract errors reported in the same file; the generated class reappears on the next build.");

    /// <summary>Two contracts map to the same generated class.</summary>
    public static Rule DuplicateServiceClass { get; } = Define("TC2004", Severity.Error, Generator, "Two contracts generate the same class",
        "The contract '{0}' generates the class '{1}', which the contract '{2}' generates too.", "Give each contract its own service name, or exclude one of the files from AdditionalFiles.");

    /// <summary>A Meter or registry instrument is created by hand with a name the contract owns.</summary>
    public static Rule HandMadeContractInstrument { get; } = Define("TC2010", Severity.Warning, Generator, "Instrument created outside the generated code",
        "'{0}' creates the instrument '{1}', which the contract '{2}' declares; hand-made instruments drift from the contract (labels, buckets, type).", "Use the generated member '{3}' instead of creating the instrument yourself.");

    /// <summary>A string literal spells a contract metric name outside the generated code.</summary>
    public static Rule ContractNameLiteral { get; } = Define("TC2011", Severity.Warning, Generator, "Metric name written as a string literal",
        "The string \"{0}\" is the name of a metric declared in '{1}'; a literal is not renamed when the contract changes.", "Use the generated constant '{2}' instead of the literal.");
}
