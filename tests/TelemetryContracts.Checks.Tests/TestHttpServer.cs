using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TelemetryContracts.Checks.Tests;

/// <summary>A request the test server received.</summary>
public sealed record TestRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The path without the query.</summary>
    public string Path => PathAndQuery.Split('?')[0];

    /// <summary>A decoded query parameter.</summary>
    public string? Query(string name)
    {
        var q = PathAndQuery.Contains('?') ? PathAndQuery[(PathAndQuery.IndexOf('?') + 1)..] : "";
        foreach (var part in q.Split('&', StringSplitOptions.RemoveEmptyEntries))
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

/// <summary>What the test server does with a request.</summary>
public abstract record TestResponse
{
    /// <summary>An ordinary HTTP answer.</summary>
    public sealed record Http(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null) : TestResponse;

    /// <summary>Accept and never answer (a hung process).</summary>
    public sealed record Hang : TestResponse;

    /// <summary>Answer bytes that are not HTTP (another protocol on the port).</summary>
    public sealed record Garbage(byte[] Bytes) : TestResponse;

    /// <summary>A 200 whose body is <paramref name="Bytes"/> long, streamed.</summary>
    public sealed record Huge(long Bytes) : TestResponse;

    /// <summary>Plain text.</summary>
    public static TestResponse Text(string body, int status = 200, string contentType = "text/plain; version=0.0.4; charset=utf-8") =>
        new Http(status, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>JSON.</summary>
    public static TestResponse Json(string body, int status = 200) => new Http(status, "application/json", Encoding.UTF8.GetBytes(body));

    /// <summary>A file, byte for byte.</summary>
    public static TestResponse File(string path, int status, string contentType) => new Http(status, contentType, System.IO.File.ReadAllBytes(path));
}

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 for tests: routes requests to canned answers (recorded real responses) and can
/// misbehave on purpose (hang, garbage, 50 MB). Requests it has no answer for get a 599 and are remembered, so a test
/// can fail on an unexpected request, like pint's mocks that fail when unmatched.
/// </summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<TestRequest, TestResponse?> route;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly ConcurrentBag<TcpClient> clients = new();

    /// <summary>Starts listening on a free port.</summary>
    public TestHttpServer(Func<TestRequest, TestResponse?> route)
    {
        this.route = route;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The base URL.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Every request received.</summary>
    public ConcurrentQueue<TestRequest> Requests { get; } = new();

    /// <summary>Requests no route answered.</summary>
    public ConcurrentQueue<TestRequest> Unexpected { get; } = new();

    private async Task AcceptAsync()
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

            clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            if (request is null)
            {
                return;
            }

            Requests.Enqueue(request);
            var response = route(request);
            if (response is null)
            {
                Unexpected.Enqueue(request);
                response = TestResponse.Text("no route for " + request.PathAndQuery, 599);
            }

            switch (response)
            {
                case TestResponse.Hang:
                    await Task.Delay(Timeout.Infinite, stop.Token);
                    break;
                case TestResponse.Garbage g:
                    await stream.WriteAsync(g.Bytes, stop.Token);
                    await stream.FlushAsync(stop.Token);
                    await Task.Delay(200, stop.Token);
                    break;
                case TestResponse.Huge h:
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {h.Bytes}\r\nConnection: close\r\n\r\n"), stop.Token);
                    var line = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("big_metric_total{a=\"b\"} 1\n", 2000)));
                    for (long sent = 0; sent < h.Bytes;)
                    {
                        var n = (int)Math.Min(line.Length, h.Bytes - sent);
                        await stream.WriteAsync(line.AsMemory(0, n), stop.Token);
                        sent += n;
                    }

                    break;
                case TestResponse.Http r:
                    var head = new StringBuilder();
                    head.Append("HTTP/1.1 ").Append(r.Status).Append(' ').Append(Reason(r.Status)).Append("\r\n");
                    if (r.ContentType.Length > 0)
                    {
                        head.Append("Content-Type: ").Append(r.ContentType).Append("\r\n");
                    }

                    foreach (var (k, v) in r.Headers ?? new Dictionary<string, string>())
                    {
                        head.Append(k).Append(": ").Append(v).Append("\r\n");
                    }

                    head.Append("Content-Length: ").Append(r.Body.Length).Append("\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop.Token);
                    await stream.WriteAsync(r.Body, stop.Token);
                    await stream.FlushAsync(stop.Token);
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (a timeout in the code under test): that is the point of several tests.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task<TestRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 65536)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            // A TLS ClientHello on a plain-HTTP port: close, as a real HTTP server would after a 400.
            if (buffer.Count == 0 && one[0] == 0x16)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^1] == '\n' && buffer[^2] == '\r' && buffer[^3] == '\n' && buffer[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in lines.Skip(1).Where(l => l.Contains(':')))
        {
            headers[l[..l.IndexOf(':')].Trim()] = l[(l.IndexOf(':') + 1)..].Trim();
        }

        if (headers.TryGetValue("Content-Length", out var cl) && int.TryParse(cl, out var length) && length > 0)
        {
            var body = new byte[length];
            await stream.ReadExactlyAsync(body);
        }

        return new TestRequest(first[0], first.Length > 1 ? first[1] : "/", headers);
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
        foreach (var c in clients)
        {
            c.Dispose();
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
