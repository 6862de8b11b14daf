using TelemetryContracts.Checks.Clients;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// Base of the checks on the contract's declared log streams: they share the backend, when they apply (the contract
/// declares streams), and how the recent lines of each stream are asked for.
/// </summary>
public abstract class LokiStreamsCheck : CheckBase
{
    /// <summary>Lines fetched per stream.</summary>
    protected const int SampleLines = 100;

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Loki;

    /// <inheritdoc />
    public override string? NotApplicable(CheckContext context) => context.Contract.Logs.Count == 0 ? "the contract declares no log streams" : null;

    /// <summary>
    /// Asks Loki for the recent lines of each declared stream, querying its selector followed by <paramref name="pipeline"/>,
    /// and lets <paramref name="inspect"/> judge each usable answer (given the stream and its bare selector); an answer
    /// that is not usable is the stream's finding instead.
    /// </summary>
    protected static async Task<IReadOnlyList<Finding>> InspectRecentLinesAsync(
        CheckContext context,
        string pipeline,
        Func<CheckContext, LogStreamDefinition, string, ApiResponse<IReadOnlyList<global::TelemetryContracts.Clients.LogStream>>, IEnumerable<Finding>> inspect,
        CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var stream in context.Contract.Logs)
        {
            var selector = LokiSelectors.For(context.Contract, stream);
            var query = selector + pipeline;
            var response = await context.QueryLokiStreamsAsync(query, SampleLines, cancellationToken).ConfigureAwait(false);
            if (ApiFailure(response, query) is { } failed)
            {
                findings.Add(failed);
                continue;
            }

            findings.AddRange(inspect(context, stream, selector, response));
        }

        return findings;
    }
}
