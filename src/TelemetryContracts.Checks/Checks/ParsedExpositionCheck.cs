using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Exposition;

namespace TelemetryContracts.Checks;

/// <summary>
/// Base of the checks that judge the metrics endpoint's parsed scrape against the contract: they share the backend,
/// the dependency on the scrape parsing, and the parsed scrape itself (there is nothing to judge when it did not parse).
/// </summary>
public abstract class ParsedExpositionCheck : CheckBase
{
    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.MetricsEndpoint;

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { ExpositionParsesCheck.CheckId };

    /// <inheritdoc />
    public sealed override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var result = await context.GetExpositionAsync(cancellationToken).ConfigureAwait(false);
        return result is { Success: true } ? Inspect(context, result, context.MetricsEndpoint!.Url) : None;
    }

    /// <summary>The findings on the scrape, which parsed, served at <paramref name="url"/>.</summary>
    protected abstract IReadOnlyList<Finding> Inspect(CheckContext context, ExpositionParseResult result, Uri url);
}
