using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>Shared plumbing of the checks: identity, dependencies and locations that point into the contract.</summary>
public abstract class CheckBase : ICheck
{
    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string Title { get; }

    /// <inheritdoc />
    public abstract BackendKind Backend { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<string> DependsOn => Array.Empty<string>();

    /// <inheritdoc />
    public virtual string? NotApplicable(CheckContext context) => null;

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<Finding>> RunAsync(CheckContext context, CancellationToken cancellationToken);

    /// <summary>No findings.</summary>
    protected static IReadOnlyList<Finding> None { get; } = Array.Empty<Finding>();

    /// <summary>A location at a contract element (so editors jump to the declaration), with the URL that was asked.</summary>
    protected static FindingLocation At(CheckContext context, ModelElement element, string path, Uri? url) => new()
    {
        File = context.Contract.FilePath is { Length: > 0 } f ? f : null,
        Span = context.Contract.FilePath is { Length: > 0 } ? element.Span : null,
        Path = path,
        Url = url?.AbsoluteUri,
    };

    /// <summary>Formats a list of names for a message, capped so a huge answer does not flood the output.</summary>
    protected static string List(IEnumerable<string> values, int max = 12)
    {
        var all = values.ToList();
        if (all.Count == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", all.Take(max));
        return all.Count > max ? $"{shown}, … ({all.Count} in all)" : shown;
    }

    /// <summary>
    /// The findings of a check that only asks whether a backend's shared first answer arrived usable: none when the
    /// backend was not asked (the answer is null) or <paramref name="failure"/> finds nothing wrong with it, else that one.
    /// </summary>
    protected static async Task<IReadOnlyList<Finding>> FailureOfAsync<T>(Task<T?> answer, Func<T, Finding?> failure)
        where T : class =>
        await answer.ConfigureAwait(false) is { } a && failure(a) is { } f ? new[] { f } : None;

    /// <summary>The finding for an API answer that is not usable, or null when it is.</summary>
    protected static Finding? ApiFailure<T>(Clients.ApiResponse<T> response, string what)
        where T : class
    {
        if (response.Ok)
        {
            return null;
        }

        var x = response.Exchange;
        if (ExchangeFindings.From(x, CheckContext.CredentialSource(x.Endpoint.Kind)) is { } transport && response.ErrorType is null or "not_json" or "http")
        {
            return transport;
        }

        var where = FindingLocation.AtUrl(x.Url.AbsoluteUri);
        var finding = response.ErrorType is "not_json" or "bad_shape" or null
            ? RuleCatalog.UnusableAnswer.At(where, x.Endpoint.DisplayName, x.Url.GetLeftPart(UriPartial.Authority), response.Error ?? "no data")
            : RuleCatalog.QueryFailed.At(where, x.Endpoint.DisplayName, what, $"{response.ErrorType}: {response.Error}");
        return finding.WithEvidence(x.Describe());
    }
}
