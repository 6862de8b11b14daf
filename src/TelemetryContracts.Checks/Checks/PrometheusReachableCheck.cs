using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Prometheus (or Mimir, VictoriaMetrics) answers its query API at the configured URL, prefix, tenant and credentials. The incident: the monitoring stack was never started.</summary>
public sealed class PrometheusReachableCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "prometheus/reachable";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Prometheus query API reachable";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Prometheus;

    /// <inheritdoc />
    public override Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        FailureOfAsync(context.GetTsdbSnapshotAsync(cancellationToken), snapshot => ApiFailure(snapshot.Up, $"up{{job=\"{snapshot.Job}\"}}"));
}
