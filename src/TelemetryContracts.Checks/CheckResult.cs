using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>One check's outcome: status, findings (already redacted) and, when skipped or not checked, why.</summary>
public sealed record CheckResult(ICheck Check, CheckStatus Status, IReadOnlyList<Finding> Findings, string? Reason = null)
{
    /// <summary>How long it ran.</summary>
    public TimeSpan Elapsed { get; init; }
}
