using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Runtime.Tests;

public sealed class MetricsServerTests
{
    private static async Task<(MetricsServer Server, MetricRegistry Registry)> StartAsync(ScrapeAuthOptions auth)
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        registry.CreateCounter("jobs_processed", "Jobs processed.", labelNames: ["queue"]).WithLabels("email").Add(7);
        var server = new MetricsServer(registry, new MetricsServerOptions { Host = "127.0.0.1", Port = FreePort.Next(), Auth = auth }).Start();
        await Task.Yield();
        return (server, registry);
    }

    [Fact]
    public async Task Scrape_NegotiatesOpenMetricsOrText()
    {
        var (server, registry) = await StartAsync(new ScrapeAuthOptions());
        await using var _ = server;
        using var __ = registry;
        using var http = new HttpClient();
        var text = await http.GetAsync(server.Url);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", text.Content.Headers.ContentType!.ToString());
        Assert.Contains("jobs_processed_total{queue=\"email\"} 7\n", await text.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url);
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        var om = await http.SendAsync(request);
        Assert.StartsWith("application/openmetrics-text; version=1.0.0", om.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("# EOF\n", await om.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(server.Url.Replace("/metrics", "/other"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync(server.Url, new StringContent(""))).StatusCode);
    }

    [Fact]
    public async Task BearerToken_WrongOrMissing_Gets401WithChallenge_RightGetsMetrics()
    {
        const string token = "s3cr3t-token-value";
        var (server, registry) = await StartAsync(new ScrapeAuthOptions { BearerToken = token });
        await using var _ = server;
        using var __ = registry;
        using var http = new HttpClient();

        var missing = await http.GetAsync(server.Url);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer realm=\"metrics\"", missing.Headers.WwwAuthenticate.Single().ToString());
        Assert.DoesNotContain(token, await missing.Content.ReadAsStringAsync());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, server.Url);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, server.Url);
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var ok = await http.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("jobs_processed_total", await ok.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Basic", false)]
    [InlineData("Basic !!notbase64", false)]
    [InlineData("Bearer prom:pa55", false)]
    [InlineData("Basic cHJvbTp3cm9uZw==", false)]
    [InlineData("Basic cHJvbTpwYTU1", true)]
    [InlineData("basic   cHJvbTpwYTU1  ", true)]
    public void BasicAuth_AcceptsOnlyTheConfiguredCredentials(string? header, bool expected)
    {
        var authorizer = new ScrapeAuthorizer(new ScrapeAuthOptions { BasicUsername = "prom", BasicPassword = "pa55" });
        Assert.Equal("cHJvbTpwYTU1", Convert.ToBase64String(Encoding.UTF8.GetBytes("prom:pa55")));
        Assert.Equal(expected, authorizer.IsAuthorized(header));
        Assert.Equal("Basic realm=\"metrics\", charset=\"UTF-8\"", authorizer.Challenges.Single());
    }

    [Fact]
    public void AuthOptions_ToString_NeverShowsSecrets()
    {
        var options = new ScrapeAuthOptions { BearerToken = "tok-123", BasicUsername = "prom", BasicPassword = "pw-456" };
        var text = options.ToString();
        Assert.DoesNotContain("tok-123", text);
        Assert.DoesNotContain("pw-456", text);
        Assert.True(new ScrapeAuthorizer(new ScrapeAuthOptions()).IsAuthorized(null));
    }
}
