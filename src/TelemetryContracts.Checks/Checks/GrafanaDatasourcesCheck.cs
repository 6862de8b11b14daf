using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Every datasource UID the generated dashboards use exists in Grafana with the type the panels expect. The incident: dashboards referenced UIDs the provisioning never created.</summary>
public sealed class GrafanaDatasourcesCheck : GeneratedDashboardsCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "grafana/datasources";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Dashboard datasources exist";

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var dashboards = LoadDashboards(context, errors);
        var findings = errors.Select(e => RuleCatalog.CheckMisconfigured.At(new FindingLocation { Path = "--dashboards" }, "--dashboards", e)).ToList();
        var cache = new Dictionary<string, Clients.ApiResponse<global::TelemetryContracts.Clients.GrafanaDataSource>>(StringComparer.Ordinal);
        foreach (var d in dashboards)
        {
            foreach (var (uid, type) in d.Datasources)
            {
                if (!cache.TryGetValue(uid, out var ds))
                {
                    ds = cache[uid] = await context.AskGrafanaAsync(g => g.GetDataSourceAsync(uid, cancellationToken)).ConfigureAwait(false);
                }

                var location = new FindingLocation { File = d.File, Url = ds.Exchange.Url.AbsoluteUri, Path = "datasource.uid=" + uid };
                // Grafana answers 404 for a uid it does not have: an answer (missing), not a failure.
                if (ds.Exchange is { Failure: ExchangeFailure.None, StatusCode: 404 })
                {
                    findings.Add(RuleCatalog.DatasourceMissing.At(location, d.Title, uid, "").WithEvidence(ds.Exchange.Describe(200)));
                }
                else if (ApiFailure(ds, "/api/datasources/uid/" + uid) is { } failed)
                {
                    findings.Add(failed);
                }
                else if (type.Length > 0 && !string.Equals(ds.Data!.Type, type, StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(RuleCatalog.DatasourceWrongType.At(location, uid, d.Title, ds.Data.Type, type).WithEvidence(ds.Exchange.Describe(200)));
                }
            }
        }

        return findings;
    }
}
