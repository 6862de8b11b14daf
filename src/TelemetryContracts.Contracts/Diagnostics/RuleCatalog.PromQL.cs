namespace TelemetryContracts.Diagnostics;

/// <summary>Rules of the PromQL parser (block TC6001–TC6019, shared with the dashboard lint).</summary>
public static partial class RuleCatalog
{
    /// <summary>TC6001: a PromQL expression does not parse or type-check as Prometheus would.</summary>
    public static Rule PromQLParseError { get; } = Define(
        "TC6001",
        Severity.Error,
        "Lint",
        "PromQL expression does not parse",
        "PromQL expression is rejected by Prometheus: {0}",
        "Fix the expression at the reported position; `tc fmt` prints the canonical form once it parses.");
}
