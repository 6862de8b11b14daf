using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Grafana answers <c>/api/health</c> with <c>database: ok</c>.</summary>
public sealed class GrafanaHealthCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "grafana/health";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Grafana healthy";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Grafana;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var health = await context.AskGrafanaAsync(g => g.HealthAsync(cancellationToken)).ConfigureAwait(false);
        if (ApiFailure(health, "/api/health") is { } failed)
        {
            return new[] { failed };
        }

        return health.Data!.Database == "ok"
            ? None
            : new[] { RuleCatalog.GrafanaUnhealthy.At(FindingLocation.AtUrl(health.Exchange.Url.AbsoluteUri), health.Exchange.Url.GetLeftPart(UriPartial.Authority), health.Data.Database ?? "(none)").WithEvidence(health.Exchange.Describe()) };
    }
}
