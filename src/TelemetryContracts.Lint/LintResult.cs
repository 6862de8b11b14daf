using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Lint;

/// <summary>Findings and counts of linting one or more dashboards.</summary>
/// <param name="Findings">The findings, in dashboard order.</param>
/// <param name="Statistics">What was looked at.</param>
public sealed record LintResult(IReadOnlyList<Finding> Findings, LintStatistics Statistics);
