using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Clients.Tests;

/// <summary>Credentials reach the server, and nothing else: not ToString, messages, excerpts or API errors.</summary>
public class CredentialRedactionTests
{
    private const string Token = "glsa_S3cr3tT0kenValue_4f2a9c";
    private const string Password = "hunter2-very-secret";

    [Fact]
    public void OptionsAndClients_ToString_NeverShowSecrets()
    {
        var bearer = BackendOptions.For("http://grafana:3000") with { Credentials = BackendCredentials.Bearer(Token), TenantId = "team-a" };
        var basic = BackendOptions.For("http://admin:" + Password + "@mimir:8080/prometheus") with { Credentials = BackendCredentials.Basic("admin", Password) };
        using var grafana = new GrafanaClient(bearer);
        using var prometheus = new PrometheusClient(basic);
        using var loki = new LokiClient(basic);

        var texts = new[] { bearer.ToString(), basic.ToString(), grafana.ToString(), prometheus.ToString(), loki.ToString(), bearer.Credentials!.ToString(), basic.Credentials!.ToString() };

        Assert.All(texts, t => AssertClean(t));
        Assert.Contains("user=admin", basic.ToString(), StringComparison.Ordinal);
        Assert.Contains("team-a", bearer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerEchoingTheAuthorizationHeader_DoesNotLeakItIntoTheFailure()
    {
        // Some proxies and debug endpoints echo request headers in their error pages.
        await using var server = LocalHttpServer.Start(r => LocalHttpResponse.Json(401, "{\"message\":\"Unauthorized: bad header " + r.Headers["authorization"] + "\"}"));
        using var bearerClient = new GrafanaClient(BackendOptions.For(server.Url) with { Credentials = BackendCredentials.Bearer(Token) });
        using var basicClient = new PrometheusClient(BackendOptions.For(server.Url) with { Credentials = BackendCredentials.Basic("admin", Password), TenantId = "team-a" });

        var bearer = await bearerClient.HealthAsync();
        var basic = await basicClient.QueryAsync("up");

        Assert.Equal("Bearer " + Token, server.Requests[0].Headers["authorization"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Password)), server.Requests[1].Headers["authorization"]);
        Assert.Equal("team-a", server.Requests[1].Headers["x-scope-orgid"]);
        foreach (var f in new[] { bearer.Failure!, basic.Failure! })
        {
            Assert.Equal((ClientFailureKind.HttpStatus, 401), (f.Kind, f.StatusCode));
            AssertClean(f.ToString());
            AssertClean(f.Message);
            AssertClean(f.BodyExcerpt!);
            AssertClean(f.Api?.Message ?? string.Empty);
            AssertClean(f.Url);
        }

        Assert.Equal("unauthorized", bearer.Failure!.Api!.Type);
        Assert.Contains("***", bearer.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkFailures_DoNotCarryUserInfoFromTheBaseUrl()
    {
        using var client = new LokiClient(BackendOptions.For($"http://admin:{Password}@127.0.0.1:{FreePort.Next()}") with { Credentials = BackendCredentials.Basic("admin", Password) });

        var result = await client.ReadyAsync();

        Assert.Equal(ClientFailureKind.ConnectionRefused, result.Failure!.Kind);
        AssertClean(result.Failure.ToString());
        AssertClean(result.Failure.Url);
    }

    [Fact]
    public async Task MetricsEndpointOnAnotherHost_GetsNoCredentials()
    {
        await using var backend = LocalHttpServer.Start(_ => LocalHttpResponse.Json(200, "{}"));
        await using var service = LocalHttpServer.Start(_ => LocalHttpResponse.Text(200, "up 1\n", "text/plain; version=0.0.4"));
        using var client = new PrometheusClient(BackendOptions.For(backend.Url) with { Credentials = BackendCredentials.Bearer(Token), TenantId = "team-a" });

        var result = await client.GetExpositionAsync(new Uri(service.Url + "/metrics"));

        Assert.True(result.Value!.Success);
        Assert.False(service.Requests.Single().Headers.ContainsKey("authorization"));
        Assert.False(service.Requests.Single().Headers.ContainsKey("x-scope-orgid"));
    }

    [Fact]
    public void EmptySecrets_AreRejectedWithoutEchoingAnything()
    {
        var e = Assert.Throws<ArgumentException>(() => BackendCredentials.Basic("admin", string.Empty));
        AssertClean(e.Message);
    }

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Password)), text, StringComparison.Ordinal);
    }
}
