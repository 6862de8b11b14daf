using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts;

/// <summary>A contract as far as it could be read, and every finding about it in file order.</summary>
public sealed record ContractLoadResult(TelemetryContract Contract, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when any finding is an error (generation and checks refuse such a contract).</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
