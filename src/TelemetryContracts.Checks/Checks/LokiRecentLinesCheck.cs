using TelemetryContracts.Checks.Clients;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Each declared stream has lines in the lookback window: labels alone prove the collector once saw the service, lines prove it still ships.</summary>
public sealed class LokiRecentLinesCheck : LokiStreamsCheck
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "loki/recent-lines";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Loki has recent lines for each stream";

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { LokiStreamLabelsCheck.CheckId };

    /// <inheritdoc />
    public override Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        InspectRecentLinesAsync(context, "", Inspect, cancellationToken);

    private static IEnumerable<Finding> Inspect(CheckContext context, LogStreamDefinition stream, string selector, ApiResponse<IReadOnlyList<global::TelemetryContracts.Clients.LogStream>> response)
    {
        if (response.Data!.Sum(s => s.Entries.Count) == 0)
        {
            yield return RuleCatalog.LokiNoRecentLines.At(At(context, stream, "logs." + stream.Name, context.LokiEndpoint!.Url), selector, MetricSeriesInTsdbCheck.Duration(context.Settings.Lookback))
                .WithEvidence(response.Exchange.Describe(200));
        }
    }
}
