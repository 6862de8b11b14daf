using System.Diagnostics;

namespace TelemetryContracts.Checks.Http;

/// <summary>
/// Sits under the shared <c>TelemetryContracts.Clients</c> clients and writes down each request and its answer as an
/// <see cref="HttpExchange"/>: the shared clients return typed values and classified failures, but a finding's
/// evidence is the request and answer a person could replay with curl, which only the wire shows.
/// </summary>
internal sealed class ExchangeRecorder : DelegatingHandler
{
    // The slot of the call in flight: AsyncLocal so concurrent checks each see their own request.
    private static readonly AsyncLocal<Slot?> Current = new();
    private readonly long maxResponseBytes;

    /// <summary>Records around <paramref name="inner"/>; bodies are buffered up to <paramref name="maxResponseBytes"/> + 1 so the client's size cap still applies.</summary>
    public ExchangeRecorder(HttpMessageHandler inner, long maxResponseBytes)
        : base(inner)
    {
        this.maxResponseBytes = maxResponseBytes;
    }

    /// <summary>Runs one client call and returns its result with what went over the wire.</summary>
    public static async Task<(T Result, Slot Wire)> RecordAsync<T>(Func<Task<T>> call)
    {
        var slot = new Slot();
        Current.Value = slot;
        var stopwatch = Stopwatch.StartNew();
        var result = await call().ConfigureAwait(false);
        slot.Elapsed = stopwatch.Elapsed;
        return (result, slot);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var slot = Current.Value ?? new Slot();
        slot.Method = request.Method.Method;
        slot.Url = request.RequestUri;
        slot.SentCredentials = request.Headers.Authorization is not null;
        slot.SentTenant = request.Headers.Contains("X-Scope-OrgID");
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            slot.TransportFailure = BackendHttp.Classify(e);
            slot.TransportDetail = Innermost(e);
            throw;
        }

        slot.StatusCode = (int)response.StatusCode;
        slot.ReasonPhrase = response.ReasonPhrase ?? response.StatusCode.ToString();
        slot.ContentType = response.Content.Headers.ContentType?.ToString();
        slot.WwwAuthenticate = response.Headers.WwwAuthenticate.Count > 0 ? string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.Scheme)) : null;
        if (response.Content.Headers.ContentLength is long declared && declared > maxResponseBytes)
        {
            // The client refuses it unread; reading it here would defeat the cap.
            return response;
        }

        var body = await ReadCappedAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        slot.Body = body.Length > maxResponseBytes ? body[..(int)maxResponseBytes] : body;
        var content = new ByteArrayContent(body);
        foreach (var h in response.Content.Headers)
        {
            content.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        content.Headers.ContentLength = body.Length;
        response.Content.Dispose();
        response.Content = content;
        return response;
    }

    private async Task<byte[]> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (buffer.Length <= maxResponseBytes)
            {
                var n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, (int)Math.Min(n, maxResponseBytes + 1 - buffer.Length));
            }

            return buffer.ToArray();
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }

    /// <summary>What one call sent and received.</summary>
    internal sealed class Slot
    {
        public string Method { get; set; } = "GET";

        public Uri? Url { get; set; }

        public bool SentCredentials { get; set; }

        public bool SentTenant { get; set; }

        public int? StatusCode { get; set; }

        public string? ReasonPhrase { get; set; }

        public string? ContentType { get; set; }

        public string? WwwAuthenticate { get; set; }

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public ExchangeFailure? TransportFailure { get; set; }

        public string? TransportDetail { get; set; }

        public TimeSpan Elapsed { get; set; }
    }
}
