using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Clients.Tests;

/// <summary>
/// The Grafana client against a local listener answering JSON shaped as Grafana's HTTP API documentation shows
/// (grafana.com/docs "HTTP API": Other API /api/health, Data source API, Folder/Dashboard Search API, Dashboard API),
/// including its 401 and 404 bodies. No Grafana package exists on these machines.
/// </summary>
public sealed class GrafanaClientTests : IAsyncLifetime
{
    private const string Token = "glsa_documentedExampleToken_1234";
    private LocalHttpServer server = null!;

    public Task InitializeAsync()
    {
        server = LocalHttpServer.Start(Answer);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private GrafanaClient Client(string? token = Token) =>
        new(BackendOptions.For(server.Url) with { Credentials = token is null ? null : BackendCredentials.Bearer(token) });

    // Bodies follow the documentation's examples field for field.
    private static LocalHttpResponse Answer(LocalHttpRequest r)
    {
        if (r.Path == "/api/health")
        {
            return LocalHttpResponse.Json(200, """{"commit":"087143285","database":"ok","version":"5.1.3"}""");
        }

        if (!r.Headers.TryGetValue("authorization", out var auth) || auth != "Bearer " + Token)
        {
            return LocalHttpResponse.Json(401, """{"message":"Unauthorized"}""");
        }

        return r.Target switch
        {
            "/api/datasources" => LocalHttpResponse.Json(200, """
                [
                  {"id":1,"orgId":1,"uid":"H8joYFVGz","name":"datasource_elastic","type":"elasticsearch","typeLogoUrl":"public/app/plugins/datasource/elasticsearch/img/elasticsearch.svg",
                   "access":"proxy","url":"http://mydatasource.com","password":"","user":"","database":"grafana-dash","basicAuth":false,"isDefault":false,
                   "jsonData":{"esVersion":5,"logLevelField":"","logMessageField":"","maxConcurrentShardRequests":256,"timeField":"@timestamp"},"readOnly":false},
                  {"id":2,"orgId":1,"uid":"prom-main","name":"Prometheus","type":"prometheus","access":"proxy","url":"http://prometheus:9090","isDefault":true,"jsonData":{"httpMethod":"POST"},"readOnly":true}
                ]
                """),
            "/api/datasources/uid/kLtEtcRGk" => LocalHttpResponse.Json(200, """
                {"id":1,"uid":"kLtEtcRGk","orgId":1,"name":"test_datasource","type":"graphite","typeLogoUrl":"","access":"proxy","url":"http://mydatasource.com",
                 "password":"","user":"","database":"","basicAuth":false,"basicAuthUser":"","basicAuthPassword":"","withCredentials":false,"isDefault":false,
                 "jsonData":{"graphiteType":"default","graphiteVersion":"1.1"},"secureJsonFields":{},"version":1,"readOnly":false}
                """),
            "/api/datasources/uid/kLtEtcRGk/health" => LocalHttpResponse.Json(200, """{"message":"Successfully queried the Prometheus API.","status":"OK"}"""),
            "/api/datasources/uid/broken-loki/health" => LocalHttpResponse.Json(400, """{"message":"Unable to connect with Loki. Please check the server logs for more details.","status":"ERROR"}"""),
            "/api/search?type=dash-db" => LocalHttpResponse.Json(200, """
                [
                  {"id":1,"uid":"cIBgcSjkk","title":"Production Overview","url":"/d/cIBgcSjkk/production-overview","slug":"","type":"dash-db","tags":["prod"],
                   "isStarred":true,"folderId":2,"folderUid":"000000163","folderTitle":"Folder","folderUrl":"/dashboards/f/000000163/folder","uri":"db/production-overview"}
                ]
                """),
            "/api/dashboards/uid/cIBgcSjkk" => LocalHttpResponse.Json(200, """
                {"dashboard":{"id":1,"uid":"cIBgcSjkk","title":"Production Overview","tags":["templated"],"timezone":"browser","schemaVersion":16,"version":0},
                 "meta":{"isStarred":false,"url":"/d/cIBgcSjkk/production-overview","folderId":2,"folderUid":"l3KqBxCMz","folderTitle":"Folder","slug":"production-overview"}}
                """),
            _ when r.Path.StartsWith("/api/dashboards/uid/", StringComparison.Ordinal) => LocalHttpResponse.Json(404, """{"message":"Dashboard not found"}"""),
            _ when r.Path.StartsWith("/api/datasources/uid/", StringComparison.Ordinal) => LocalHttpResponse.Json(404, """{"message":"Data source not found"}"""),
            _ => LocalHttpResponse.Text(404, "404 page not found"),
        };
    }

    [Fact]
    public async Task Health_ReadsVersionAndDatabase()
    {
        using var client = Client(token: null);

        var health = await client.HealthAsync();

        Assert.Equal(new GrafanaHealth("087143285", "ok", "5.1.3"), health.Value);
    }

    [Fact]
    public async Task DataSources_ListAndByUid()
    {
        using var client = Client();

        var all = await client.ListDataSourcesAsync();
        var one = await client.GetDataSourceAsync("kLtEtcRGk");

        Assert.Equal(new[] { "H8joYFVGz", "prom-main" }, all.Value!.Select(d => d.Uid));
        Assert.True(all.Value![1].IsDefault);
        Assert.Equal(("graphite", "http://mydatasource.com", "proxy"), (one.Value!.Type, one.Value.Url, one.Value.Access));
        Assert.Contains("\"graphiteVersion\":\"1.1\"", one.Value.JsonData, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDataSourceUid_IsNotFound()
    {
        using var client = Client();

        var result = await client.GetDataSourceAsync("does-not-exist");

        Assert.Equal((ClientFailureKind.HttpStatus, 404, "not_found", "Data source not found"), (result.Failure!.Kind, result.Failure.StatusCode, result.Failure.Api!.Type, result.Failure.Api.Message));
    }

    [Fact]
    public async Task WrongToken_IsUnauthorized()
    {
        using var client = Client("glsa_wrong");

        var result = await client.SearchDashboardsAsync();

        Assert.Equal((401, "unauthorized", "Unauthorized"), (result.Failure!.StatusCode, result.Failure.Api!.Type, result.Failure.Api.Message));
    }

    [Fact]
    public async Task SearchAndDashboardByUid()
    {
        using var client = Client();

        var hits = await client.SearchDashboardsAsync();
        var dashboard = await client.GetDashboardAsync(hits.Value!.Single().Uid);
        var missing = await client.GetDashboardAsync("nope");

        var hit = hits.Value!.Single();
        Assert.Equal(("Production Overview", "dash-db", "000000163"), (hit.Title, hit.Type, hit.FolderUid));
        Assert.Equal(new[] { "prod" }, hit.Tags);
        Assert.Equal(("cIBgcSjkk", "Production Overview", "/d/cIBgcSjkk/production-overview", "l3KqBxCMz"), (dashboard.Value!.Uid, dashboard.Value.Title, dashboard.Value.Url, dashboard.Value.FolderUid));
        Assert.Contains("\"schemaVersion\":16", dashboard.Value.DashboardJson, StringComparison.Ordinal);
        Assert.Equal(("not_found", "Dashboard not found"), (missing.Failure!.Api!.Type, missing.Failure.Api.Message));
    }

    [Fact]
    public async Task DataSourceHealth_OkAndBrokenAreValues()
    {
        using var client = Client();

        var ok = await client.DataSourceHealthAsync("kLtEtcRGk");
        var broken = await client.DataSourceHealthAsync("broken-loki");

        Assert.True(ok.Value!.IsHealthy);
        Assert.False(broken.Value!.IsHealthy);
        Assert.StartsWith("Unable to connect with Loki", broken.Value.Message, StringComparison.Ordinal);
    }
}
