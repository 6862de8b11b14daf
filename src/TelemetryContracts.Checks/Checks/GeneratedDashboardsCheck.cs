using TelemetryContracts.Checks.Http;

namespace TelemetryContracts.Checks;

/// <summary>
/// Base of the checks that compare Grafana with the generated dashboards given by <c>--dashboards</c>: they share
/// the backend, the dependency on Grafana answering, when they apply, and how the dashboards are read.
/// </summary>
public abstract class GeneratedDashboardsCheck : CheckBase
{
    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Grafana;

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { GrafanaHealthCheck.CheckId };

    /// <inheritdoc />
    public override string? NotApplicable(CheckContext context) =>
        context.Settings.DashboardPaths.Count == 0 ? "no generated dashboards were given (--dashboards)" : null;

    /// <summary>The generated dashboards of this run; files that cannot be read are added to <paramref name="errors"/>.</summary>
    protected static IReadOnlyList<DashboardReference> LoadDashboards(CheckContext context, ICollection<string> errors) =>
        DashboardReference.Load(context.Settings.DashboardPaths, errors);
}
