using TelemetryContracts.Checks.Http;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// Parses the scrape with our streaming parser in the format the Content-Type names, as Prometheus would:
/// one bad line makes Prometheus drop the whole scrape, so the error names the line and column.
/// </summary>
public sealed class ExpositionParsesCheck : CheckBase
{
    /// <summary>The check's ID.</summary>
    public const string CheckId = "metrics/exposition-parses";

    /// <inheritdoc />
    public override string Id => CheckId;

    /// <inheritdoc />
    public override string Title => "Exposition parses";

    /// <inheritdoc />
    public override BackendKind Backend => BackendKind.MetricsEndpoint;

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = new[] { MetricsEndpointReachableCheck.CheckId };

    /// <inheritdoc />
    public override async Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var scrape = await context.GetScrapeAsync(cancellationToken).ConfigureAwait(false);
        var result = await context.GetExpositionAsync(cancellationToken).ConfigureAwait(false);
        if (scrape is null || result?.Error is not { } error)
        {
            return None;
        }

        var line = LineOf(scrape.Body, error.Line);
        var evidence = $"{scrape.Method} {scrape.Url.AbsoluteUri} → {scrape.StatusCode}, {scrape.ContentType ?? "no Content-Type"}, {scrape.Body.Length} bytes\n"
                       + $"line {error.Line}: {line}\n" + new string(' ', Math.Max(0, Math.Min(error.Column, line.Length + 1) - 1) + 6 + error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length) + "^";
        var where = new FindingLocation { Url = scrape.Url.AbsoluteUri, Path = $"line {error.Line}, column {error.Column}" };
        return new[] { RuleCatalog.ExpositionInvalid.At(where, scrape.Url.AbsoluteUri, error.ToString()).WithEvidence(evidence) };
    }

    private static string LineOf(byte[] body, int lineNumber)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < body.Length && line < lineNumber; i++)
        {
            if (body[i] == (byte)'\n')
            {
                line++;
                start = i + 1;
            }
        }

        var end = Array.IndexOf(body, (byte)'\n', start);
        var length = Math.Min((end < 0 ? body.Length : end) - start, 200);
        return length <= 0 ? "" : TextSnippet.Of(body.AsSpan(start, length), 200);
    }
}
