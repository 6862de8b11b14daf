using System.Net.Sockets;
using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Clients.Tests;

/// <summary>Real sockets on 127.0.0.1: every broken backend ends within the call's timeout with the right classification.</summary>
public class FailureClassificationTests
{
    private static BackendOptions Options(string url, double timeoutSeconds = 5, long maxBytes = 1024 * 1024) =>
        BackendOptions.For(url) with { Timeout = TimeSpan.FromSeconds(timeoutSeconds), MaxResponseBytes = maxBytes };

    [Fact]
    public async Task NothingListening_IsConnectionRefused()
    {
        using var client = new PrometheusClient(Options($"http://127.0.0.1:{FreePort.Next()}"));

        var result = await client.QueryAsync("up");

        Assert.Equal(ClientFailureKind.ConnectionRefused, result.Failure!.Kind);
        Assert.Contains("connection refused", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnresolvableHost_IsDnsResolution()
    {
        // .invalid is reserved (RFC 2606): it never resolves.
        using var client = new LokiClient(Options("http://loki.telemetry-contracts.invalid:3100"));

        var result = await client.ReadyAsync();

        Assert.Equal(ClientFailureKind.DnsResolution, result.Failure!.Kind);
        Assert.Contains("loki.telemetry-contracts.invalid", result.Failure.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsButNeverAnswers_IsTimeout()
    {
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) =>
        {
            await LocalHttpServer.ReadRequestAsync(stream, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = new GrafanaClient(Options(server.Url, timeoutSeconds: 1));

        var result = await client.HealthAsync();

        Assert.Equal(ClientFailureKind.Timeout, result.Failure!.Kind);
        Assert.Contains("did not complete within 1 s", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpsToAPlainHttpServer_IsTls()
    {
        // What a plain-HTTP Go server (Grafana, Prometheus) answers to a TLS ClientHello.
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) =>
        {
            _ = await stream.ReadAsync(new byte[4096], ct); // Any part of the ClientHello will do.
            await stream.WriteAsync("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"u8.ToArray(), ct);
        });
        using var client = new GrafanaClient(Options($"https://127.0.0.1:{server.Port}"));

        var result = await client.HealthAsync();

        Assert.Equal(ClientFailureKind.Tls, result.Failure!.Kind);
        Assert.StartsWith("GET https://127.0.0.1:", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersGarbage_IsMalformedResponse()
    {
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) =>
        {
            await LocalHttpServer.ReadRequestAsync(stream, ct);
            await stream.WriteAsync("SSH-2.0-OpenSSH_9.2p1 garbage\r\n\r\n"u8.ToArray(), ct);
        });
        using var client = new PrometheusClient(Options(server.Url));

        var result = await client.BuildInfoAsync();

        Assert.Equal(ClientFailureKind.MalformedResponse, result.Failure!.Kind);
    }

    [Fact]
    public async Task AnswersHtmlInsteadOfJson_IsMalformedResponseWithExcerpt()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Text(200, "<html><body>Grafana login</body></html>", "text/html"));
        using var client = new PrometheusClient(Options(server.Url));

        var result = await client.QueryAsync("up");

        Assert.Equal(ClientFailureKind.MalformedResponse, result.Failure!.Kind);
        Assert.Equal("<html><body>Grafana login</body></html>", result.Failure.BodyExcerpt);
    }

    [Fact]
    public async Task FiftyMegabytesWithContentLength_IsResponseTooLargeWithoutReadingIt()
    {
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) =>
        {
            await LocalHttpServer.ReadRequestAsync(stream, ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n"), ct);
            await WriteUntilClosedAsync(stream, 50L * 1024 * 1024, ct);
        });
        using var client = new PrometheusClient(Options(server.Url));

        var result = await client.QueryAsync("up");

        Assert.Equal(ClientFailureKind.ResponseTooLarge, result.Failure!.Kind);
        Assert.Contains("declares 52428800 bytes", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiftyMegabytesStreamedWithoutLength_IsResponseTooLarge()
    {
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) =>
        {
            await LocalHttpServer.ReadRequestAsync(stream, ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"), ct);
            await WriteUntilClosedAsync(stream, 50L * 1024 * 1024, ct);
        });
        using var client = new LokiClient(Options(server.Url));

        var result = await client.LabelNamesAsync();

        Assert.Equal(ClientFailureKind.ResponseTooLarge, result.Failure!.Kind);
        Assert.Contains("larger than the limit of 1048576 bytes", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiftyMegabyteMetricsEndpoint_IsResponseTooLarge()
    {
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) =>
        {
            await LocalHttpServer.ReadRequestAsync(stream, ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nConnection: close\r\n\r\n"), ct);
            var line = "app_requests_total{route=\"/x\"} 1\n"u8.ToArray();
            for (long sent = 0; sent < 50L * 1024 * 1024; sent += line.Length)
            {
                await stream.WriteAsync(line, ct);
            }
        });
        using var client = new PrometheusClient(Options(server.Url));

        var result = await client.GetExpositionAsync(new Uri(server.Url + "/metrics"));

        Assert.Equal(ClientFailureKind.ResponseTooLarge, result.Failure!.Kind);
    }

    [Fact]
    public async Task ServerError_IsHttpStatusWithBodyExcerpt()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Text(502, "upstream connect error or disconnect/reset before headers"));
        using var client = new PrometheusClient(Options(server.Url + "/prometheus"));

        var result = await client.LabelNamesAsync();

        Assert.Equal((ClientFailureKind.HttpStatus, 502), (result.Failure!.Kind, result.Failure.StatusCode));
        Assert.Equal("upstream connect error or disconnect/reset before headers", result.Failure.BodyExcerpt);
        Assert.Equal("/prometheus/api/v1/labels", server.Requests.Single().Path);
    }

    [Fact]
    public async Task PrometheusErrorJson_IsParsedIntoApiError()
    {
        await using var server = LocalHttpServer.Start(_ => LocalHttpResponse.Json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis\"}"));
        using var client = new PrometheusClient(Options(server.Url));

        var result = await client.QueryAsync("sum(up");

        Assert.Equal("bad_data", result.Failure!.Api!.Type);
        Assert.Contains("unclosed left parenthesis", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellation_IsNotReportedAsTimeout()
    {
        await using var server = LocalHttpServer.StartRaw(async (stream, ct) => await Task.Delay(Timeout.Infinite, ct));
        using var client = new PrometheusClient(Options(server.Url));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.QueryAsync("up", cancellationToken: cts.Token));
    }

    private static async Task WriteUntilClosedAsync(NetworkStream stream, long total, CancellationToken ct)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        try
        {
            for (long sent = 0; sent < total; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk, ct);
            }
        }
        catch (IOException)
        {
            // The client hung up once it had enough: that is the point.
        }
    }
}
