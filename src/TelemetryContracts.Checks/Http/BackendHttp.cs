using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace TelemetryContracts.Checks.Http;

/// <summary>
/// Sends the checks' requests: every call bounded by <see cref="Timeout"/> (connect, headers and body together) and
/// <see cref="MaxResponseBytes"/>, and every transport failure classified instead of thrown, so a check can say
/// "the host does not resolve" rather than print a stack trace.
/// </summary>
public sealed class BackendHttp : IDisposable
{
    private readonly HttpClient client;
    private readonly bool ownsClient;

    /// <summary>Uses <paramref name="handler"/> (tests inject recorded answers) or a fresh <see cref="SocketsHttpHandler"/>.</summary>
    public BackendHttp(TimeSpan timeout, long maxResponseBytes, HttpMessageHandler? handler = null)
    {
        Timeout = timeout;
        MaxResponseBytes = maxResponseBytes;
        var h = handler ?? CreateHandler(timeout);
        client = new HttpClient(h, disposeHandler: handler is null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        ownsClient = true;
    }

    /// <summary>The network stack the checks use: no redirects or proxy, so the URL checked is the URL asked.</summary>
    internal static SocketsHttpHandler CreateHandler(TimeSpan timeout) => new()
    {
        ConnectTimeout = timeout,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };

    /// <summary>The bound of one request, from connect to the last body byte.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The largest body read; a larger one ends as <see cref="ExchangeFailure.TooLarge"/>.</summary>
    public long MaxResponseBytes { get; }

    /// <summary>GET <paramref name="relative"/> below the endpoint's URL (or the URL itself when null).</summary>
    public Task<HttpExchange> GetAsync(BackendEndpoint endpoint, string? relative, CancellationToken cancellationToken, string? accept = null) =>
        SendAsync(endpoint, HttpMethod.Get, relative is null ? endpoint.Url : endpoint.Resolve(relative), null, accept, cancellationToken);

    private async Task<HttpExchange> SendAsync(BackendEndpoint endpoint, HttpMethod method, Uri url, HttpContent? content, string? accept, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var sentCredentials = false;
        if (endpoint.BearerToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            sentCredentials = true;
        }
        else if (endpoint.Password is { Length: > 0 } password)
        {
            var raw = Encoding.UTF8.GetBytes((endpoint.Username ?? "") + ":" + password);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
            sentCredentials = true;
        }

        var sentTenant = false;
        if (endpoint.Tenant is { Length: > 0 } tenant)
        {
            request.Headers.TryAddWithoutValidation("X-Scope-OrgID", tenant);
            sentTenant = true;
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var exchange = new HttpExchange
        {
            Method = method.Method,
            Url = url,
            Endpoint = endpoint,
            SentCredentials = sentCredentials,
            SentTenant = sentTenant,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            exchange = exchange with
            {
                StatusCode = (int)response.StatusCode,
                ReasonPhrase = response.ReasonPhrase ?? response.StatusCode.ToString(),
                ContentType = response.Content.Headers.ContentType?.ToString(),
                WwwAuthenticate = response.Headers.WwwAuthenticate.Count > 0 ? string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.Scheme)) : null,
            };

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var (body, tooLarge) = await ReadCappedAsync(stream, MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            exchange = exchange with { Body = body };
            if (tooLarge)
            {
                exchange = exchange with { Failure = ExchangeFailure.TooLarge, FailureDetail = $"the answer is larger than the limit of {MaxResponseBytes} bytes" };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            exchange = exchange with
            {
                Failure = ExchangeFailure.Timeout,
                FailureDetail = exchange.StatusCode is null ? $"no answer within {Timeout.TotalSeconds:0.#} s" : $"the body did not complete within {Timeout.TotalSeconds:0.#} s",
            };
        }
        catch (HttpRequestException e)
        {
            exchange = exchange with { Failure = Classify(e), FailureDetail = Innermost(e) };
        }
        catch (IOException e)
        {
            exchange = exchange with { Failure = ExchangeFailure.Network, FailureDetail = Innermost(e) };
        }
        finally
        {
            response?.Dispose();
        }

        return exchange with { Elapsed = stopwatch.Elapsed };
    }

    private static async Task<(byte[] Body, bool TooLarge)> ReadCappedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return (buffer.ToArray(), false);
            }

            if (buffer.Length + n > max)
            {
                buffer.Write(chunk, 0, (int)(max - buffer.Length));
                return (buffer.ToArray(), true);
            }

            buffer.Write(chunk, 0, n);
        }
    }

    /// <summary>Maps a transport error to the cause a person would name.</summary>
    internal static ExchangeFailure Classify(HttpRequestException e)
    {
        switch (e.HttpRequestError)
        {
            case HttpRequestError.NameResolutionError:
                return ExchangeFailure.NameNotResolved;
            case HttpRequestError.SecureConnectionError:
                return ExchangeFailure.Tls;
            case HttpRequestError.InvalidResponse:
            case HttpRequestError.ResponseEnded:
                return ExchangeFailure.NotHttp;
        }

        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return ExchangeFailure.NameNotResolved;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return ExchangeFailure.ConnectionRefused;
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return ExchangeFailure.Timeout;
                case AuthenticationException:
                    return ExchangeFailure.Tls;
            }
        }

        return ExchangeFailure.Network;
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }
}
