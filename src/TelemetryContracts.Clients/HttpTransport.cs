using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace TelemetryContracts.Clients;

/// <summary>A complete, size-checked answer.</summary>
internal sealed record RawResponse(int StatusCode, string? ContentType, byte[] Body, string Url)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Sends requests for all clients: adds auth and tenant headers, applies the timeout and size cap, and turns every
/// HTTP/network exception into a classified <see cref="ClientFailure"/>. Only the caller's own cancellation escapes,
/// as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class HttpTransport : IDisposable
{
    private const int ExcerptLength = 512;
    private readonly HttpClient http;

    public HttpTransport(BackendOptions options, HttpMessageHandler? handler)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("BaseUrl must be absolute", nameof(options));
        }

        // The client's own timeout is off: each call uses a linked token so a timeout is told apart from the caller's cancellation.
        http = handler is null
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = options.Timeout, AutomaticDecompression = DecompressionMethods.All }, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("TelemetryContracts", "0.1"));
    }

    public BackendOptions Options { get; }

    public void Dispose() => http.Dispose();

    /// <summary>The URL as shown in messages: user info removed.</summary>
    public static string DisplayUrl(Uri url) =>
        string.IsNullOrEmpty(url.UserInfo) ? url.ToString() : new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    /// <summary>The base URL joined with an API path (keeping a path prefix such as <c>/prometheus</c>) and query.</summary>
    public Uri Resolve(string path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var baseText = Options.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var sb = new StringBuilder(baseText).Append(path);
        var first = true;
        foreach (var (k, v) in query ?? Array.Empty<KeyValuePair<string, string>>())
        {
            sb.Append(first ? '?' : '&').Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
            first = false;
        }

        return new Uri(sb.ToString(), UriKind.Absolute);
    }

    public Task<ClientResult<RawResponse>> SendAsync(HttpMethod method, Uri url, HttpContent? content, string accept, CancellationToken cancellationToken) =>
        SendAsync(method, url, content, accept, async (response, stream, display, ct) =>
        {
            var body = await ReadCappedAsync(stream, response.Content.Headers.ContentLength, ct).ConfigureAwait(false);
            if (body is null)
            {
                return ClientResult<RawResponse>.Fail(TooLarge(display, (int)response.StatusCode));
            }

            return ClientResult<RawResponse>.Ok(new RawResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, display));
        }, cancellationToken);

    /// <summary>
    /// GETs <paramref name="path"/> with <paramref name="query"/>, accepting JSON: a request that failed stays that
    /// failure, a non-2xx answer becomes the failure <paramref name="error"/> makes of it (each API words its errors its
    /// own way), and a 2xx answer is read by <paramref name="read"/>.
    /// </summary>
    public async Task<ClientResult<T>> GetJsonAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> query, Func<RawResponse, ClientResult<T>> read,
        Func<RawResponse, ClientFailure> error, CancellationToken cancellationToken)
    {
        var r = await SendAsync(HttpMethod.Get, Resolve(path, query), null, "application/json", cancellationToken).ConfigureAwait(false);
        if (!r.IsSuccess)
        {
            return ClientResult<T>.Fail(r.Failure);
        }

        return r.Value.IsSuccess ? read(r.Value) : ClientResult<T>.Fail(error(r.Value));
    }

    /// <summary>Sends a request and hands the answer's body stream to <paramref name="read"/>, inside the same timeout and exception classification.</summary>
    public async Task<ClientResult<T>> SendAsync<T>(HttpMethod method, Uri url, HttpContent? content, string accept,
        Func<HttpResponseMessage, Stream, string, CancellationToken, Task<ClientResult<T>>> read, CancellationToken cancellationToken)
    {
        var display = DisplayUrl(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        if (Options.Credentials is not null)
        {
            request.Headers.Authorization = Options.Credentials.Header;
        }

        if (!string.IsNullOrEmpty(Options.TenantId))
        {
            request.Headers.TryAddWithoutValidation("X-Scope-OrgID", Options.TenantId);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength is long declared && declared > Options.MaxResponseBytes)
            {
                return ClientResult<T>.Fail(TooLarge(display, (int)response.StatusCode, declared));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            return await read(response, stream, display, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ClientResult<T>.Fail(new ClientFailure(ClientFailureKind.Timeout, $"{method} {display} did not complete within {Options.Timeout.TotalSeconds:0.###} s", display));
        }
        catch (HttpRequestException e)
        {
            return ClientResult<T>.Fail(Classify(e, method, display));
        }
        catch (IOException e)
        {
            return ClientResult<T>.Fail(new ClientFailure(ClientFailureKind.Network, $"{method} {display}: the connection failed while reading the answer ({Redact(e.Message)})", display));
        }
        catch (AuthenticationException e)
        {
            return ClientResult<T>.Fail(new ClientFailure(ClientFailureKind.Tls, $"{method} {display}: TLS handshake failed ({Redact(e.Message)})", display));
        }
    }

    private ClientFailure Classify(HttpRequestException e, HttpMethod method, string display)
    {
        var socket = FindInner<SocketException>(e);
        var detail = Redact(Innermost(e).Message);
        if (e.HttpRequestError == HttpRequestError.NameResolutionError || socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return new ClientFailure(ClientFailureKind.DnsResolution, $"{method} {display}: host name does not resolve ({detail})", display);
        }

        if (socket?.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new ClientFailure(ClientFailureKind.ConnectionRefused, $"{method} {display}: connection refused, nothing listens on that port ({detail})", display);
        }

        if (socket?.SocketErrorCode == SocketError.TimedOut)
        {
            return new ClientFailure(ClientFailureKind.Timeout, $"{method} {display}: connecting timed out ({detail})", display);
        }

        if (e.HttpRequestError == HttpRequestError.SecureConnectionError || FindInner<AuthenticationException>(e) is not null)
        {
            return new ClientFailure(ClientFailureKind.Tls, $"{method} {display}: TLS handshake failed ({detail})", display);
        }

        if (e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError)
        {
            return new ClientFailure(ClientFailureKind.MalformedResponse, $"{method} {display}: the answer is not valid HTTP ({detail})", display);
        }

        if (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            return new ClientFailure(ClientFailureKind.ResponseTooLarge, $"{method} {display}: the answer's headers exceed the client's limits ({detail})", display);
        }

        return new ClientFailure(ClientFailureKind.Network, $"{method} {display}: {detail}", display);
    }

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T t)
            {
                return t;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    /// <summary>Reads the whole body, or null as soon as it passes the size cap (the rest is never read).</summary>
    private async Task<byte[]?> ReadCappedAsync(Stream stream, long? declared, CancellationToken cancellationToken)
    {
        var max = Options.MaxResponseBytes;
        using var buffer = new MemoryStream(declared is long d && d <= max ? (int)d : 16 * 1024);
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + n > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }
    }

    public ClientFailure TooLarge(string display, int status, long? declared = null) =>
        new(ClientFailureKind.ResponseTooLarge,
            declared is long d
                ? $"GET {display}: the answer declares {d} bytes, more than the limit of {Options.MaxResponseBytes} bytes"
                : $"{display}: the answer is larger than the limit of {Options.MaxResponseBytes} bytes; reading stopped there",
            display, status);

    /// <summary>Removes every credential from text that came from the outside (bodies, exception messages).</summary>
    public string Redact(string text) => Options.Credentials?.Redact(text) ?? text;

    /// <summary>The first characters of a body, redacted, for messages.</summary>
    public string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ExcerptLength * 4));
        if (text.Length > ExcerptLength)
        {
            text = text[..ExcerptLength] + "…";
        }

        return Redact(text);
    }

    /// <summary>A failure for a non-2xx answer, with the API error when <paramref name="api"/> could parse one.</summary>
    public ClientFailure StatusFailure(RawResponse r, ApiError? api)
    {
        var what = api is null ? Excerpt(r.Body).Trim() : Redact(api.Message);
        return new ClientFailure(ClientFailureKind.HttpStatus, $"{r.Url} answered HTTP {r.StatusCode}: {what}", r.Url, r.StatusCode, Excerpt(r.Body), api is null ? null : api with { Message = Redact(api.Message) });
    }

    public ClientFailure Malformed(RawResponse r, string why) =>
        new(ClientFailureKind.MalformedResponse, $"{r.Url} answered HTTP {r.StatusCode} with a body that is not what the API documents: {why}", r.Url, r.StatusCode, Excerpt(r.Body));
}
