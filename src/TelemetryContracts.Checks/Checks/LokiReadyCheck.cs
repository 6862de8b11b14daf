using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Loki answers <c>/ready</c> with 200. A 503 carries the reason (services still starting, ingester waiting), which is shown as is.</summary>
public sealed class LokiReadyCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "loki/ready";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Loki ready";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.Loki;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var x = (await context.AskLokiAsync(l => l.ReadyAsync(cancellationToken)).ConfigureAwait(false)).Exchange;
        if (x.Failure == ExchangeFailure.None && x.StatusCode == 503)
        {
            var reason = x.Snippet(200).Replace("\\n", " ", StringComparison.Ordinal);
            return new[] { RuleCatalog.LokiNotReady.At(FindingLocation.AtUrl(x.Url.AbsoluteUri), x.Url.GetLeftPart(UriPartial.Authority), reason.Length > 0 ? reason : "HTTP 503").WithEvidence(x.Describe()) };
        }

        return ExchangeFindings.From(x, CheckContext.CredentialSource(BackendKind.Loki)) is { } f ? new[] { f } : None;
    }
}
