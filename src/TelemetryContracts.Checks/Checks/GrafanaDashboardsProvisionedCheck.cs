using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Every generated dashboard is in Grafana under its uid: generated files nobody provisions still leave the team without a dashboard.</summary>
public sealed class GrafanaDashboardsProvisionedCheck : GeneratedDashboardsCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "grafana/dashboards-provisioned";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Generated dashboards provisioned";

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var dashboards = LoadDashboards(context, errors);
        var findings = new List<Finding>();
        foreach (var d in dashboards)
        {
            var r = await context.AskGrafanaAsync(g => g.GetDashboardAsync(d.Uid, cancellationToken)).ConfigureAwait(false);
            // Grafana answers 404 for a uid it does not have: an answer (not provisioned), not a failure.
            if (r.Exchange is { Failure: ExchangeFailure.None, StatusCode: 404 })
            {
                findings.Add(RuleCatalog.DashboardNotProvisioned.At(new FindingLocation { File = d.File, Url = r.Exchange.Url.AbsoluteUri }, d.Title, d.Uid).WithEvidence(r.Exchange.Describe(200)));
            }
            else if (ApiFailure(r, "/api/dashboards/uid/" + d.Uid) is { } failed)
            {
                findings.Add(failed);
            }
        }

        return findings;
    }
}
