using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TelemetryContracts.TestSupport;

/// <summary>A request seen by <see cref="LocalHttpServer"/>.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query, as sent).</param>
/// <param name="Headers">The headers (names lower-cased).</param>
/// <param name="Body">The body.</param>
public sealed record LocalHttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?')[0];
}

/// <summary>An answer for <see cref="LocalHttpServer"/>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type.</param>
/// <param name="Body">The body.</param>
public sealed record LocalHttpResponse(int Status, string ContentType, byte[] Body)
{
    /// <summary>A JSON answer.</summary>
    public static LocalHttpResponse Json(int status, string json) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

    /// <summary>A plain-text answer.</summary>
    public static LocalHttpResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") => new(status, contentType, Encoding.UTF8.GetBytes(text));
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (raw sockets, one request per connection) for client tests: serve documented
/// JSON, or misbehave on purpose with a raw connection handler (accept and never answer, answer garbage, answer 50 MB).
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly List<LocalHttpRequest> requests = new();
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
    public IReadOnlyList<LocalHttpRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Starts a server answering each request with <paramref name="handler"/>.</summary>
    public static LocalHttpServer Start(Func<LocalHttpRequest, LocalHttpResponse> handler)
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

            lock (server!.requests)
            {
                server.requests.Add(request);
            }

            var response = handler(request);
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

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in lines.Skip(1).Where(l => l.Length > 0))
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

        return new LocalHttpRequest(first[0], first[1], headers, body);
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
