using System.Globalization;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// The scraper has a target for the contract's job and it is up. With a targets API (Prometheus) the target's
/// <c>lastError</c> is translated into a cause; without one (Mimir, VictoriaMetrics' query API) health comes from <c>up</c>.
/// </summary>
public sealed class ScrapeTargetHealthCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "prometheus/scrape-target-health";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Scrape target exists and is up";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Prometheus;

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { PrometheusReachableCheck.CheckId };

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var snapshot = await context.GetTsdbSnapshotAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot is null || !snapshot.Up.Ok)
        {
            return None;
        }

        var job = snapshot.Job;
        var prom = context.PrometheusEndpoint!;
        var scrape = context.Contract.Scrape;
        var location = scrape is not null ? At(context, scrape, "scrape.job", prom.Url) : FindingLocation.AtUrl(prom.Url.AbsoluteUri);
        var upEvidence = snapshot.Up.Exchange.Describe(400);
        var targets = snapshot.Targets is { Ok: true, Data: { } list } ? list : Array.Empty<global::TelemetryContracts.Clients.ScrapeTarget>();
        var mine = targets.Where(t => t.Labels.TryGetValue("job", out var j) && j == job).ToList();
        if (mine.Count > 0)
        {
            var findings = new List<Finding>();
            foreach (var t in mine.Where(t => t.Health != "up"))
            {
                var (cause, hint) = t.LastError.Length > 0
                    ? ScrapeErrorTranslator.Translate(t.LastError, t.ScrapeUrl ?? "", scrape?.Port)
                    : ("it has not been scraped yet (health \"" + t.Health + "\")", "Wait one scrape interval and run again.");
                findings.Add(RuleCatalog.ScrapeTargetDown.At(location, t.ScrapeUrl, job, cause, hint)
                    .WithEvidence($"GET {snapshot.Targets!.Exchange.Url.AbsoluteUri} → target {t.ScrapeUrl}: health=\"{t.Health}\", lastError=\"{t.LastError}\"\n{upEvidence}"));
            }

            return findings;
        }

        // No target of ours: Mimir and VictoriaMetrics fed by agents (remote write) have no targets API or an empty one,
        // so scrape health comes from up, which the scraping agent writes for every target.
        var up = snapshot.Up.Data!;
        if (up.Count == 0)
        {
            if (targets.Count > 0)
            {
                var jobs = targets.Select(t => t.Labels.TryGetValue("job", out var j) ? j : t.ScrapePool ?? "").Distinct().OrderBy(j => j, StringComparer.Ordinal).ToList();
                var suggestion = MetricNameSuggester.Suggest(job, jobs);
                var extra = $" (jobs it scrapes: {List(jobs)})" + (suggestion is { } s ? $"; did you mean '{s.Name}'?" : "");
                return new[] { RuleCatalog.ScrapeTargetMissing.At(location, prom.DisplayName, job, extra).WithEvidence(snapshot.Targets!.Exchange.Describe(0) + "\n" + upEvidence) };
            }

            var why = snapshot.Targets is { Ok: true } ? " (its targets API lists no targets: it is fed by remote write, so the agent that scrapes has no job of that name)"
                : snapshot.Targets is { } tr ? $" (and it has no targets API to ask: {(tr.Exchange.StatusCode is { } code ? "HTTP " + code.ToString(CultureInfo.InvariantCulture) : tr.Exchange.Failure.ToString())})" : "";
            return new[] { RuleCatalog.NoUpSeries.At(location, prom.DisplayName, job, why).WithEvidence(upEvidence) };
        }

        if (up.All(s => s.Point.Value == 0))
        {
            return new[] { RuleCatalog.UpIsZero.At(location, job, prom.DisplayName).WithEvidence(upEvidence) };
        }

        return None;
    }
}
