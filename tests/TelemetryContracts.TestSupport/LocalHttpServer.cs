using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TelemetryContracts.TestSupport;

/// <summary>A request seen by <see cref="LocalHttpServer"/>.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query, as sent).</param>
/// <param name="Headers">The headers (names lower-cased, looked up in any case).</param>
/// <param name="Body">The body.</param>
public sealed record LocalHttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?')[0];

    /// <summary>A query parameter, decoded; null when the query does not have it.</summary>
    public string? Query(string name)
    {
        var query = Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            if (Uri.UnescapeDataString(kv[0]) == name)
            {
                return kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "";
            }
        }

        return null;
    }
}

/// <summary>An answer for <see cref="LocalHttpServer"/>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type.</param>
/// <param name="Body">The body.</param>
public sealed record LocalHttpResponse(int Status, string ContentType, byte[] Body)
{
    /// <summary>What a misbehaving answer does with the connection instead of answering HTTP; null for an HTTP answer.</summary>
    public Func<Stream, CancellationToken, Task>? Misbehaviour { get; init; }

    /// <summary>A JSON answer.</summary>
    public static LocalHttpResponse Json(int status, string json) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

    /// <summary>A plain-text answer.</summary>
    public static LocalHttpResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") => new(status, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>A Prometheus text exposition (format 0.0.4), as a metrics endpoint serves it.</summary>
    public static LocalHttpResponse Exposition(int status, string text) => Text(status, text, "text/plain; version=0.0.4; charset=utf-8");

    /// <summary>A file, byte for byte.</summary>
    public static LocalHttpResponse File(int status, string path, string contentType) => new(status, contentType, System.IO.File.ReadAllBytes(path));

    /// <summary>Read the request and never answer (a hung process).</summary>
    public static LocalHttpResponse Hang() => Misbehave((_, ct) => Task.Delay(Timeout.Infinite, ct));

    /// <summary>Answer bytes that are not HTTP (another protocol on the port), then close.</summary>
    public static LocalHttpResponse Garbage(byte[] bytes) => Misbehave(async (stream, ct) =>
    {
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
        await Task.Delay(200, ct); // Let the client read the bytes before the connection closes.
    });

    /// <summary>A 200 exposition <paramref name="bytes"/> long, streamed (to hit a client's size limit).</summary>
    public static LocalHttpResponse Huge(long bytes) => Misbehave(async (stream, ct) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n"), ct);
        var lines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("big_metric_total{a=\"b\"} 1\n", 2000)));
        for (long sent = 0; sent < bytes;)
        {
            var n = (int)Math.Min(lines.Length, bytes - sent);
            await stream.WriteAsync(lines.AsMemory(0, n), ct);
            sent += n;
        }
    });

    private static LocalHttpResponse Misbehave(Func<Stream, CancellationToken, Task> misbehaviour) => new(0, "", Array.Empty<byte>()) { Misbehaviour = misbehaviour };
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (raw sockets, one request per connection) for client and check tests: serve
/// documented or recorded answers by route, or misbehave on purpose (accept and never answer, answer garbage, answer
/// 50 MB), per request or with a raw connection handler. Requests no route answers get a 599 and are remembered, so a
/// test can fail on a request it did not expect.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly List<LocalHttpRequest> requests = new();
    private readonly List<LocalHttpRequest> unexpected = new();
    private readonly List<TcpClient> clients = new();

    private LocalHttpServer(Func<TcpClient, CancellationToken, Task> connection)
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                lock (clients)
                {
                    clients.Add(client);
                }

                _ = Task.Run(async () =>
                {
                    try
                    {
                        await connection(client, stop.Token);
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                    }
                    catch (IOException)
                    {
                    }
                    catch (SocketException)
                    {
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                });
            }
        });
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The requests received so far (for request-based servers).</summary>
    public IReadOnlyList<LocalHttpRequest> Requests => Snapshot(requests);

    /// <summary>The requests the handler had no answer for (it returned null).</summary>
    public IReadOnlyList<LocalHttpRequest> Unexpected => Snapshot(unexpected);

    /// <summary>
    /// Starts a server answering each request with <paramref name="handler"/>; where it returns null the request is
    /// <see cref="Unexpected"/> and gets a 599.
    /// </summary>
    public static LocalHttpServer Start(Func<LocalHttpRequest, LocalHttpResponse?> handler)
    {
        LocalHttpServer? server = null;
        server = new LocalHttpServer(async (client, ct) =>
        {
            using var _ = client;
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream, ct);
            if (request is null)
            {
                return;
            }

            Add(server!.requests, request);
            var response = handler(request);
            if (response is null)
            {
                Add(server.unexpected, request);
                response = LocalHttpResponse.Text(599, "no route for " + request.Target);
            }

            if (response.Misbehaviour is { } misbehave)
            {
                await misbehave(stream, ct);
                return;
            }

            var head = $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\nContent-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
            await stream.WriteAsync(response.Body, ct);
            await stream.FlushAsync(ct);
        });
        return server;
    }

    /// <summary>Starts a server that hands each accepted connection to <paramref name="connection"/> (misbehaving servers).</summary>
    public static LocalHttpServer StartRaw(Func<NetworkStream, CancellationToken, Task> connection) =>
        new(async (client, ct) =>
        {
            using var _ = client;
            await connection(client.GetStream(), ct);
        });

    /// <summary>Reads one request head and its Content-Length body; null when the peer closed first.</summary>
    public static async Task<LocalHttpRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            // A TLS ClientHello on a plain-HTTP port: close, as a real HTTP server would after a 400.
            if (head.Count == 0 && one[0] == 0x16)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in lines.Skip(1).Where(l => l.Contains(':')))
        {
            var colon = l.IndexOf(':');
            headers[l[..colon].Trim().ToLowerInvariant()] = l[(colon + 1)..].Trim();
        }

        var body = Array.Empty<byte>();
        if (headers.TryGetValue("content-length", out var cl) && int.TryParse(cl, out var length) && length > 0)
        {
            body = new byte[length];
            await stream.ReadExactlyAsync(body, cancellationToken);
        }

        return new LocalHttpRequest(first[0], first.Length > 1 ? first[1] : "/", headers, body);
    }

    private static void Add(List<LocalHttpRequest> list, LocalHttpRequest request)
    {
        lock (list)
        {
            list.Add(request);
        }
    }

    private static IReadOnlyList<LocalHttpRequest> Snapshot(List<LocalHttpRequest> list)
    {
        lock (list)
        {
            return list.ToList();
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        lock (clients)
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }

        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
