using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// One live check. It never prints and never throws on bad input or a failing backend: everything it observed
/// comes back as findings with their own rule IDs and evidence.
/// </summary>
public interface ICheck
{
    /// <summary>Stable identifier, <c>area/topic</c> (e.g. <c>metrics/endpoint-reachable</c>).</summary>
    string Id { get; }

    /// <summary>A few words for humans ("Metrics endpoint reachable").</summary>
    string Title { get; }

    /// <summary>The backend it needs; without it the check is skipped.</summary>
    BackendKind Backend { get; }

    /// <summary>IDs of checks that must pass first; when one fails this check is "not checked".</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>Why the check does not apply to this run (e.g. no dashboards given), or null when it does.
    /// A missing backend URL is handled by the runner; this is for everything else.</summary>
    string? NotApplicable(CheckContext context) => null;

    /// <summary>Runs the check.</summary>
    Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken);
}
