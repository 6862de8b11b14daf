using System.Net;
using System.Net.Http.Headers;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.AspNetCore.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Endpoint_ServesNegotiatedFormat_RequiresToken_AndExportsAspNetCoreMeter()
    {
        await using var app = await TestHostApp.StartAsync();
        using var http = new HttpClient();
        (await http.PostAsync(app.Url + "/checkout/eu", null)).EnsureSuccessStatusCode();

        var denied = await http.GetAsync(app.Url + "/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("Bearer realm=\"metrics\"", denied.Headers.WwwAuthenticate.Single().ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, app.Url + "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestHostApp.Token);
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExpositionFormat.OpenMetrics.ContentType, response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("shop_orders_created_total{region=\"eu\",channel=\"web\"} 1\n", text);
        Assert.Contains("# UNIT shop_checkout_duration_seconds seconds\n", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.EndsWith("# EOF\n", text);
    }

    [Fact]
    public async Task Head_ReturnsHeadersOnly()
    {
        await using var app = await TestHostApp.StartAsync(token: null);
        using var http = new HttpClient();
        var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, app.Url + "/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExpositionFormat.PrometheusText.ContentType, response.Content.Headers.ContentType!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
