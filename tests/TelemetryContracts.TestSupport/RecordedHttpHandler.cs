using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// Replays byte-exact recorded HTTP answers (the Loki recordings in <c>../shared/loki-recordings</c>, or hand-made
/// ones) through a fake <see cref="HttpMessageHandler"/>. A request that matches no unused recording fails the test at
/// once (the exception is not an HTTP exception, so clients cannot swallow it); <see cref="AssertAllUsed"/> fails on
/// recordings that were never requested. Requests match on method, path, the decoded query parameters (as a
/// multiset: encoders differ, curl writes <c>+</c> and lower-case <c>%7b</c>) and, when recorded, the JSON body.
/// </summary>
public sealed class RecordedHttpHandler : HttpMessageHandler
{
    private readonly List<Recording> recordings = new();
    private readonly HashSet<Recording> used = new();
    private readonly List<string> unexpected = new();

    /// <summary>One recorded exchange.</summary>
    /// <param name="Name">The recording's file name, for messages.</param>
    /// <param name="Method">The request method.</param>
    /// <param name="Path">The request path (decoded).</param>
    /// <param name="Query">The decoded query parameters.</param>
    /// <param name="RequestJson">The JSON request body the request must carry (compared structurally), or null for any body.</param>
    /// <param name="Status">The recorded status code.</param>
    /// <param name="Headers">The recorded response headers.</param>
    /// <param name="Body">The recorded response body, byte for byte.</param>
    public sealed record Recording(string Name, HttpMethod Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, JsonNode? RequestJson, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

    /// <summary>The requests that matched nothing.</summary>
    public IReadOnlyList<string> UnexpectedRequests => unexpected;

    /// <summary>A handler expecting the named Loki recordings (file names from <c>INDEX.tsv</c>).</summary>
    public static RecordedHttpHandler ForLoki(params string[] files)
    {
        var handler = new RecordedHttpHandler();
        foreach (var f in files)
        {
            handler.Add(LoadLoki(f));
        }

        return handler;
    }

    /// <summary>
    /// Loads one Loki recording. <paramref name="requestUrl"/> replaces the recorded URL when a client sends an
    /// equivalent but differently spelled request (for example <c>step=120</c> for the recorded <c>step=2m</c>).
    /// </summary>
    public static Recording LoadLoki(string file, string? requestUrl = null)
    {
        var dir = RepoPaths.LokiRecordings;
        var row = File.ReadAllLines(Path.Combine(dir, "INDEX.tsv")).Skip(1).Select(l => l.Split('\t')).FirstOrDefault(c => c[0] == file)
            ?? throw new InvalidOperationException($"{file} is not listed in INDEX.tsv");
        var url = new Uri(requestUrl ?? row[2]);
        JsonNode? requestJson = null;
        if (row[3] != "-")
        {
            var requestPath = Path.Combine(dir, row[3]);
            var bytes = File.ReadAllBytes(requestPath);
            if (requestPath.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gz.CopyTo(plain);
                bytes = plain.ToArray();
            }

            try
            {
                requestJson = JsonNode.Parse(bytes);
            }
            catch (System.Text.Json.JsonException)
            {
                requestJson = null; // Deliberately broken push bodies: any body matches.
            }
        }

        var stem = Path.GetFileNameWithoutExtension(file);
        var headers = ParseHeaders(File.ReadAllText(Path.Combine(dir, stem + ".headers.txt")), out var status);
        var body = file.EndsWith(".empty", StringComparison.Ordinal) ? Array.Empty<byte>() : File.ReadAllBytes(Path.Combine(dir, file));
        return new Recording(file, new HttpMethod(row[1]), Uri.UnescapeDataString(url.AbsolutePath), ParseQuery(url.Query), requestJson, status, headers, body);
    }

    /// <summary>Adds an expected exchange.</summary>
    public RecordedHttpHandler Add(Recording recording)
    {
        recordings.Add(recording);
        return this;
    }

    /// <summary>Fails when a request matched nothing or a recording was never requested.</summary>
    public void AssertAllUsed()
    {
        var unused = recordings.Where(r => !used.Contains(r)).Select(r => r.Name).ToList();
        if (unexpected.Count > 0 || unused.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"Recorded HTTP exchange mismatch.\nUnexpected requests:\n  {string.Join("\n  ", unexpected)}\nUnused recordings:\n  {string.Join("\n  ", unused)}");
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var query = ParseQuery(request.RequestUri.Query);
        Recording? match;
        lock (recordings)
        {
            match = recordings.FirstOrDefault(r => !used.Contains(r) && r.Method == request.Method && r.Path == path && SameQuery(r.Query, query) && BodyMatches(r.RequestJson, body));
            if (match is null)
            {
                var text = $"{request.Method} {request.RequestUri}";
                unexpected.Add(text);
                throw new UnexpectedRequestException($"No unused recording matches {text}" + (body is null ? string.Empty : " with body " + Encoding.UTF8.GetString(body)));
            }

            used.Add(match);
        }

        var response = new HttpResponseMessage((HttpStatusCode)match.Status) { RequestMessage = request, Content = new ByteArrayContent(match.Body) };
        foreach (var (name, value) in match.Headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static bool BodyMatches(JsonNode? expected, byte[]? body)
    {
        if (expected is null)
        {
            return true;
        }

        if (body is null)
        {
            return false;
        }

        try
        {
            return JsonNode.DeepEquals(expected, JsonNode.Parse(body));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static bool SameQuery(IReadOnlyList<KeyValuePair<string, string>> a, IReadOnlyList<KeyValuePair<string, string>> b) =>
        a.Count == b.Count && a.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .SequenceEqual(b.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal));

    /// <summary>Decoded query parameters in order (<c>+</c> is a space, as HTML forms and curl encode it).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var k = eq < 0 ? part : part[..eq];
            var v = eq < 0 ? string.Empty : part[(eq + 1)..];
            result.Add(new(WebUtility.UrlDecode(k), WebUtility.UrlDecode(v)));
        }

        return result;
    }

    private static List<KeyValuePair<string, string>> ParseHeaders(string text, out int status)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var l in lines.Skip(1))
        {
            if (l.Length == 0)
            {
                break;
            }

            var colon = l.IndexOf(':');
            headers.Add(new(l[..colon].Trim(), l[(colon + 1)..].Trim()));
        }

        return headers;
    }

    /// <summary>A request no recording expected; deliberately not an <see cref="HttpRequestException"/>.</summary>
    public sealed class UnexpectedRequestException(string message) : Xunit.Sdk.XunitException(message);
}
