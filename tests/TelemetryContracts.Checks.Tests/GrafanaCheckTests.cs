using TelemetryContracts.Checks.Http;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// Grafana cannot be installed here: these answers follow Grafana's documented HTTP API (/api/health,
/// /api/datasources/uid/{uid}, /api/dashboards/uid/{uid}, including its 404 bodies).
/// </summary>
public sealed class GrafanaCheckTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-dash-").FullName;

    private string Dashboard(string uid, string dsUid, string dsType)
    {
        var path = Path.Combine(dir, uid + ".json");
        File.WriteAllText(path, $$$"""
            {"uid":"{{{uid}}}","title":"Scanium {{{uid}}}","panels":[
              {"type":"timeseries","datasource":{"type":"{{{dsType}}}","uid":"{{{dsUid}}}"},"targets":[{"datasource":{"type":"{{{dsType}}}","uid":"{{{dsUid}}}"},"expr":"up"}]},
              {"type":"timeseries","datasource":{"type":"prometheus","uid":"${DS_PROMETHEUS}"}},
              {"type":"text","datasource":{"type":"datasource","uid":"grafana"}}]}
            """);
        return path;
    }

    private static LocalHttpResponse? Grafana(LocalHttpRequest r) => r.Path switch
    {
        "/api/health" => LocalHttpResponse.Json(200, "{\"commit\":\"abc\",\"database\":\"ok\",\"version\":\"10.4.1\"}"),
        "/api/datasources/uid/prom" => LocalHttpResponse.Json(200, "{\"id\":1,\"uid\":\"prom\",\"orgId\":1,\"name\":\"Prometheus\",\"type\":\"prometheus\",\"access\":\"proxy\",\"url\":\"http://prometheus:9090\"}"),
        "/api/datasources/uid/logs" => LocalHttpResponse.Json(200, "{\"id\":2,\"uid\":\"logs\",\"orgId\":1,\"name\":\"Loki\",\"type\":\"loki\",\"access\":\"proxy\",\"url\":\"http://loki:3100\"}"),
        var p when p.StartsWith("/api/datasources/uid/", StringComparison.Ordinal) => LocalHttpResponse.Json(404, "{\"message\":\"Data source not found\"}"),
        "/api/dashboards/uid/present" => LocalHttpResponse.Json(200, "{\"dashboard\":{\"uid\":\"present\",\"title\":\"Scanium present\"},\"meta\":{\"provisioned\":true}}"),
        var p when p.StartsWith("/api/dashboards/uid/", StringComparison.Ordinal) => LocalHttpResponse.Json(404, "{\"message\":\"Dashboard not found\"}"),
        _ => null,
    };

    private CheckSettings Settings(string url, params string[] dashboards) => new() { GrafanaUrl = new Uri(url), GrafanaToken = "glsa_test_token_1234", DashboardPaths = dashboards, RequestTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task ProvisionedDashboardWithExistingDatasource_Passes_AndTemplateUidsAreNotLookedUp()
    {
        await using var grafana = LocalHttpServer.Start(Grafana);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url, Dashboard("present", "prom", "prometheus")), BackendKind.Grafana);
        Assert.Empty(report.Findings);
        Assert.Empty(grafana.Unexpected);
        Assert.DoesNotContain(grafana.Requests, r => r.Path.Contains("DS_PROMETHEUS", StringComparison.Ordinal) || r.Path.EndsWith("/grafana", StringComparison.Ordinal));
        Assert.All(grafana.Requests, r => Assert.Equal("Bearer glsa_test_token_1234", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task MissingDatasourceUid_ReportsTC5061()
    {
        await using var grafana = LocalHttpServer.Start(Grafana);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url, Dashboard("present", "prometheus-main", "prometheus")), BackendKind.Grafana);
        var f = report.FirstBrokenFinding!;
        Assert.Equal("TC5061", f.Id);
        Assert.Contains("uses datasource uid 'prometheus-main', which Grafana does not have", f.Message);
    }

    [Fact]
    public async Task DatasourceOfWrongType_ReportsTC5062()
    {
        await using var grafana = LocalHttpServer.Start(Grafana);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url, Dashboard("present", "logs", "prometheus")), BackendKind.Grafana);
        Assert.Equal("TC5062", report.FirstBrokenFinding!.Id);
        Assert.Contains("is of type 'loki', but the panels expect 'prometheus'", report.FirstBrokenFinding.Message);
    }

    [Fact]
    public async Task DashboardNotProvisioned_ReportsTC5063()
    {
        await using var grafana = LocalHttpServer.Start(Grafana);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url, Dashboard("absent", "prom", "prometheus")), BackendKind.Grafana);
        Assert.Equal("TC5063", report.FirstBrokenFinding!.Id);
        Assert.Contains("(uid 'absent') is not in Grafana", report.FirstBrokenFinding.Message);
    }

    [Fact]
    public async Task UnhealthyDatabase_ReportsTC5060_AndStops()
    {
        await using var grafana = LocalHttpServer.Start(r => r.Path == "/api/health" ? LocalHttpResponse.Json(503, "{\"database\":\"failing\",\"version\":\"10.4.1\"}") : null);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url, Dashboard("present", "prom", "prometheus")), BackendKind.Grafana);
        Assert.Contains(report.FirstBrokenFinding!.Id, new[] { "TC5060", "TC5007" });
        Assert.All(report.Results.Skip(1), r => Assert.Equal(CheckStatus.NotChecked, r.Status));
    }

    [Fact]
    public async Task WithoutDashboards_TheDashboardChecksAreSkippedWithAReason()
    {
        await using var grafana = LocalHttpServer.Start(Grafana);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url), BackendKind.Grafana);
        Assert.Equal(CheckStatus.Passed, report.Results[0].Status);
        Assert.All(report.Results.Skip(1), r => Assert.Contains("--dashboards", r.Reason));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"title\":\"no uid\"}")]
    public async Task UnreadableDashboardFile_ReportsTC5090_NotACrash(string content)
    {
        var path = Path.Combine(dir, "broken.json");
        File.WriteAllText(path, content);
        await using var grafana = LocalHttpServer.Start(Grafana);
        var report = await Run.BackendAsync(Contracts.Scanium(), Settings(grafana.Url, path), BackendKind.Grafana);
        Assert.Contains(report.Findings, f => f.Id == "TC5090");
        Assert.DoesNotContain(report.Findings, f => f.Id == "TC5099");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
