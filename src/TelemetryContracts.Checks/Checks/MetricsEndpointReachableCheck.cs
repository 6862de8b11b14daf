using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// The first link: does the service answer on its metrics URL? Classifies the failure (does not resolve, refused,
/// timeout, TLS, 401/403 with or without a token, 404 on the path) because each has a different fix.
/// </summary>
public sealed class MetricsEndpointReachableCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "metrics/endpoint-reachable";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Metrics endpoint reachable";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.MetricsEndpoint;

    /// <inheritdoc />
    public override Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken) =>
        FailureOfAsync(context.GetScrapeAsync(cancellationToken), scrape => ExchangeFindings.From(scrape, CheckContext.CredentialSource(BackendKind.MetricsEndpoint)));
}
