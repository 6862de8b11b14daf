using System.Globalization;
using System.Text;

namespace TelemetryContracts.Checks.Http;

/// <summary>
/// One request and what came back: the evidence of a finding ("the request and the answer that prove it").
/// Holds no credential: only whether one was sent.
/// </summary>
public sealed record HttpExchange
{
    /// <summary>GET or POST.</summary>
    public required string Method { get; init; }

    /// <summary>The URL requested (never with user info).</summary>
    public required Uri Url { get; init; }

    /// <summary>The backend asked.</summary>
    public required BackendEndpoint Endpoint { get; init; }

    /// <summary>Why there is no HTTP answer, or <see cref="ExchangeFailure.None"/>.</summary>
    public ExchangeFailure Failure { get; init; }

    /// <summary>The transport error text when <see cref="Failure"/> is set.</summary>
    public string? FailureDetail { get; init; }

    /// <summary>The HTTP status, when an answer arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The reason phrase.</summary>
    public string? ReasonPhrase { get; init; }

    /// <summary>The response Content-Type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body (at most the configured maximum).</summary>
    public byte[] Body { get; init; } = Array.Empty<byte>();

    /// <summary>The <c>WWW-Authenticate</c> header, which says which scheme the server wants.</summary>
    public string? WwwAuthenticate { get; init; }

    /// <summary>Whether an Authorization header was sent.</summary>
    public bool SentCredentials { get; init; }

    /// <summary>Whether an X-Scope-OrgID header was sent.</summary>
    public bool SentTenant { get; init; }

    /// <summary>How long the exchange took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True for an HTTP 2xx answer.</summary>
    public bool IsSuccess => Failure == ExchangeFailure.None && StatusCode is >= 200 and < 300;

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>
    /// "GET url (Authorization: Bearer ***, X-Scope-OrgID) → 401 Unauthorized, text/plain, 12 bytes: body…":
    /// what a person would have typed with curl and what they would have seen.
    /// </summary>
    public string Describe(int maxBodyChars = 300)
    {
        var sb = new StringBuilder();
        sb.Append(Method).Append(' ').Append(Url.AbsoluteUri);
        var headers = new List<string>();
        if (SentCredentials)
        {
            headers.Add(Endpoint.BearerToken is { Length: > 0 } ? "Authorization: Bearer ***" : "Authorization: Basic ***");
        }

        if (SentTenant)
        {
            headers.Add("X-Scope-OrgID: " + Endpoint.Tenant);
        }

        if (headers.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", headers)).Append(')');
        }

        sb.Append(" → ");
        if (Failure != ExchangeFailure.None && StatusCode is null)
        {
            sb.Append(Failure switch
            {
                ExchangeFailure.NameNotResolved => "name does not resolve",
                ExchangeFailure.ConnectionRefused => "connection refused",
                ExchangeFailure.Timeout => "no answer",
                ExchangeFailure.Tls => "TLS failure",
                ExchangeFailure.NotHttp => "not an HTTP answer",
                _ => "network error",
            });
            if (FailureDetail is { Length: > 0 })
            {
                sb.Append(" (").Append(FailureDetail).Append(')');
            }

            sb.Append(" after ").Append(Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)).Append(" ms");
            return sb.ToString();
        }

        sb.Append(StatusCode).Append(' ').Append(ReasonPhrase);
        if (ContentType is { Length: > 0 })
        {
            sb.Append(", ").Append(ContentType);
        }

        sb.Append(", ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes");
        if (Failure == ExchangeFailure.TooLarge)
        {
            sb.Append(" read before stopping (").Append(FailureDetail).Append(')');
        }

        if (WwwAuthenticate is { Length: > 0 })
        {
            sb.Append(", WWW-Authenticate: ").Append(WwwAuthenticate);
        }

        var text = Snippet(maxBodyChars);
        if (text.Length > 0)
        {
            sb.Append(": ").Append(text);
        }

        return sb.ToString();
    }

    /// <summary>The start of the body, control characters escaped so binary garbage stays readable.</summary>
    public string Snippet(int maxChars = 300) => TextSnippet.Of(Body, maxChars);
}
