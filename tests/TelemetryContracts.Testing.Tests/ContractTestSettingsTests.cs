using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Testing.Tests;

public sealed class ContractTestSettingsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-settings-").FullName;

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) => name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void EnvironmentVariables_ConfigureEveryBackend()
    {
        var s = ContractTestSettings.FromEnvironment(Env(
            ("TC_METRICS_URL", "http://127.0.0.1:8080/metrics"), ("TC_PROMETHEUS_URL", "http://mimir:8080/prometheus"),
            ("TC_LOKI_URL", "http://loki:3100"), ("TC_GRAFANA_URL", "http://grafana:3000"), ("TC_TENANT", "team-a"),
            ("TC_METRICS_TOKEN", "tok-1"), ("TC_REQUEST_TIMEOUT_SECONDS", "3"), ("TC_IGNORE", "TC5027, TC5016")));
        Assert.Empty(s.Errors);
        Assert.Equal("http://mimir:8080/prometheus", s.Checks.PrometheusUrl!.AbsoluteUri);
        Assert.Equal("team-a", s.Checks.Tenant);
        Assert.Equal("tok-1", s.Checks.MetricsToken);
        Assert.Equal(TimeSpan.FromSeconds(3), s.Checks.RequestTimeout);
        Assert.True(s.Checks.IgnoredRules.SetEquals(new[] { "TC5027", "TC5016" }));
        Assert.DoesNotContain("tok-1", s.ToString());
    }

    [Fact]
    public void JsonFile_NamesTheVariableHoldingTheToken_AndEnvironmentWins()
    {
        var file = Path.Combine(dir, "settings.json");
        File.WriteAllText(file, """{ "metricsUrl": "http://127.0.0.1:1/metrics", "lokiUrl": "http://loki:3100", "metricsTokenEnv": "SCANIUM_METRICS_TOKEN", "dashboards": ["a.json"] }""");
        var s = ContractTestSettings.FromEnvironment(Env(("TC_SETTINGS_FILE", file), ("SCANIUM_METRICS_TOKEN", "from-env"), ("TC_LOKI_URL", "http://other:3100")));
        Assert.Empty(s.Errors);
        Assert.Equal("from-env", s.Checks.MetricsToken);
        Assert.Equal("http://other:3100/", s.Checks.LokiUrl!.AbsoluteUri);
        Assert.Equal(new[] { "a.json" }, s.Checks.DashboardPaths);
    }

    [Theory]
    [InlineData("""{ "metricsToken": "committed-secret" }""", "must not hold secrets")]
    [InlineData("""{ "grafanaPassword": "committed-secret" }""", "must not hold secrets")]
    [InlineData("""{ "metricsUrl": "ftp://x" }""", "is not an http(s) URL")]
    [InlineData("""{ "prometheusUrl": "http://admin:committed-secret@mimir/prometheus" }""", "must not carry credentials")]
    [InlineData("""{ "requestTimeoutSeconds": -1 }""", "between 0 and 3600")]
    [InlineData("""[1]""", "must hold a JSON object")]
    [InlineData("""{ not json""", "cannot be read")]
    public void BadJsonFile_IsReportedWithoutEchoingSecrets(string json, string error)
    {
        var file = Path.Combine(dir, "bad.json");
        File.WriteAllText(file, json);
        var s = ContractTestSettings.FromEnvironment(Env(("TC_SETTINGS_FILE", file)));
        var e = Assert.Single(s.Errors);
        Assert.Contains(error, e);
        Assert.DoesNotContain("committed-secret", e);
    }

    [Fact]
    public async Task InvalidSettings_FailTheTest_WithTheReason()
    {
        var s = ContractTestSettings.FromEnvironment(Env(("TC_METRICS_URL", "not a url")));
        var e = await Assert.ThrowsAsync<ContractAssertException>(() => ContractAssert.MetricIsServedByMetricsEndpointAsync(Sample.Contract, "scanium_http_requests_total", s));
        Assert.Contains("TC_METRICS_URL", e.Message);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
