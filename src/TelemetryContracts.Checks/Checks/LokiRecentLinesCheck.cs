using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Each declared stream has lines in the lookback window: labels alone prove the collector once saw the service, lines prove it still ships.</summary>
public sealed class LokiRecentLinesCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "loki/recent-lines";

    /// <summary>Lines fetched per stream (also what the JSON check inspects).</summary>
    internal const int SampleLines = 100;

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Loki has recent lines for each stream";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Loki;

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { LokiStreamLabelsCheck.CheckId };

    /// <inheritdoc />
    public override string? NotApplicable(CheckContext context) => context.Contract.Logs.Count == 0 ? "the contract declares no log streams" : null;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var loki = context.LokiEndpoint!;
        foreach (var stream in context.Contract.Logs)
        {
            var selector = LokiSelectors.For(context.Contract, stream);
            var response = await context.QueryLokiStreamsAsync(selector, SampleLines, cancellationToken).ConfigureAwait(false);
            if (ApiFailure(response, selector) is { } failed)
            {
                findings.Add(failed);
                continue;
            }

            if (response.Data!.Sum(s => s.Entries.Count) == 0)
            {
                findings.Add(RuleCatalog.LokiNoRecentLines.At(At(context, stream, "logs." + stream.Name, loki.Url), selector, MetricSeriesInTsdbCheck.Duration(context.Settings.Lookback))
                    .WithEvidence(response.Exchange.Describe(200)));
            }
        }

        return findings;
    }
}
