using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Validation;

/// <summary>What a validation rule set sees: the contract, and a place to report findings at spans of its file.</summary>
internal sealed class ValidationContext
{
    private readonly ICollection<Finding> findings;

    public ValidationContext(TelemetryContract contract, ICollection<Finding> findings)
    {
        Contract = contract;
        this.findings = findings;
    }

    public TelemetryContract Contract { get; }

    public void Report(Rule rule, SourceSpan span, string? path, params object?[] args) =>
        findings.Add(rule.At(FindingLocation.InFile(Contract.FilePath, span, path), args));
}
