using Xunit;
using TelemetryContracts.Checks;
using TelemetryContracts.Checks.Clients;
using TelemetryContracts.Contracts;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Testing;

/// <summary>
/// The coverage test: fails when a declared metric or log stream is never emitted. A metric counts as emitted when
/// the exposition has at least one sample line for it with a non-zero value or with labels (a labelled metric that was
/// never recorded has no sample line at all; an unlabelled one registered at start shows 0); a stream counts when Loki
/// has lines for it in the lookback window. Declarations nobody emits are how dashboards end up ahead of the code.
/// </summary>
public static class ContractCoverage
{
    /// <summary>Measures coverage from an exposition already scraped (offline; e.g. from an in-process test server).</summary>
    public static CoverageReport Measure(TelemetryContract contract, ExpositionParseResult exposition, IReadOnlyCollection<string>? streamsWithLines = null)
    {
        var emitted = new List<string>();
        var never = new List<string>();
        foreach (var metric in contract.Metrics)
        {
            var family = exposition.Find(metric.FullName)
                         ?? (metric.FullName.EndsWith("_total", StringComparison.Ordinal) ? exposition.Find(metric.FullName[..^"_total".Length]) : null);
            var seen = family is not null && family.Samples.Any(s => s.Value != 0 || s.Labels.Any(l => l.Name is not "le" and not "quantile"));
            (seen ? emitted : never).Add(metric.FullName);
        }

        var streamsSeen = contract.Logs.Where(l => streamsWithLines?.Contains(l.Name) == true).Select(l => l.Name).ToList();
        var streamsNever = streamsWithLines is null ? new List<string>() : contract.Logs.Select(l => l.Name).Except(streamsSeen).ToList();
        return new CoverageReport(emitted, never, streamsSeen, streamsNever);
    }

    /// <summary>Scrapes the configured metrics endpoint (and Loki, when configured) and fails listing everything never emitted.</summary>
    public static async Task AssertEverythingEmittedAsync(string contractPath, ContractTestSettings? settings = null)
    {
        settings ??= ContractTestSettings.Current;
        if (settings.Errors.Count > 0)
        {
            throw new ContractAssertException("The contract test settings are invalid:\n" + string.Join("\n", settings.Errors));
        }

        Skip.If(settings.Checks.MetricsUrl is null, "Skipped: " + Doctor.NotConfigured(Checks.Http.BackendKind.MetricsEndpoint) + "; coverage needs the service's metrics endpoint.");
        var load = ContractLoader.LoadFile(contractPath);
        if (load.HasErrors)
        {
            throw new ContractAssertException($"The contract {contractPath} is not valid:\n" + string.Join("\n", load.Findings.Select(f => f.ToString())));
        }

        using var context = new CheckContext(load.Contract, settings.Checks);
        var scrape = await context.GetScrapeAsync(CancellationToken.None).ConfigureAwait(false);
        if (scrape is not { IsSuccess: true } || Checks.Http.ExchangeFindings.From(scrape, "TC_METRICS_TOKEN") is { })
        {
            var f = scrape is null ? null : Checks.Http.ExchangeFindings.From(scrape, "TC_METRICS_TOKEN");
            throw new ContractAssertException("Coverage cannot be measured: " + context.Redactor.Redact(f?.Message + " " + f?.Evidence));
        }

        var exposition = (await context.GetExpositionAsync(CancellationToken.None).ConfigureAwait(false))!;
        if (exposition.Error is { } error)
        {
            throw new ContractAssertException("Coverage cannot be measured: the exposition does not parse: " + error);
        }

        List<string>? streams = null;
        if (context.Loki is not null)
        {
            streams = new List<string>();
            foreach (var stream in load.Contract.Logs)
            {
                var r = await context.QueryLokiStreamsAsync(LokiSelectors.For(load.Contract, stream), 1, CancellationToken.None).ConfigureAwait(false);
                if (r is { Ok: true, Data: { } data } && data.Any(s => s.Entries.Count > 0))
                {
                    streams.Add(stream.Name);
                }
            }
        }

        var report = Measure(load.Contract, exposition, streams);
        if (!report.Complete)
        {
            var lines = report.NeverEmittedMetrics.Select(m => $"  metric {m}: declared in {contractPath} but never emitted (no sample at {context.Redactor.Redact(scrape.Url.AbsoluteUri)})")
                .Concat(report.NeverEmittedStreams.Select(s => $"  log stream {s}: declared but Loki has no lines for it"));
            throw new ContractAssertException("Declared but never emitted — exercise them in the test run, or remove them from the contract:\n" + string.Join("\n", lines));
        }
    }
}
