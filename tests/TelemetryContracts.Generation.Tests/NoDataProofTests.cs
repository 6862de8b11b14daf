using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.Grafana.Templating;
using TelemetryContracts.TestSupport;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace TelemetryContracts.Generation.Tests;

/// <summary>
/// The anti-"No data" proof: the real sample service, scraped by real Prometheus with the generated scrape config
/// (bearer token from the generated credentials_file), after traffic; then every PromQL query of every generated
/// panel and template variable, expanded as Grafana expands it, must return at least one series.
/// </summary>
/// <remarks>
/// The test changes two things in the generated prometheus.yml, and only those: the target
/// <c>scanium-backend:8080</c> (a Compose host name) becomes <c>127.0.0.1:&lt;port&gt;</c> of the started sample, and
/// the job's 15s interval becomes 1s so the proof takes seconds. LogQL panels are not run here (no Loki on this
/// machine); they are counted in the output.
/// </remarks>
public sealed class NoDataProofTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-nodata-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public async Task EveryGeneratedPanelAndVariable_ReturnsData_FromTheRealSampleScrapedByRealPrometheus()
    {
        var proof = await RunProofAsync(omitMetrics: null);
        output.WriteLine($"{proof.QueriesRun} PromQL queries run, {proof.Offenders.Count} without data, {proof.LokiTargets} LogQL targets not run (no Loki here)");
        Assert.True(proof.Offenders.Count == 0, "Panels or variables that would show No data:\n" + string.Join("\n", proof.Offenders));
        Assert.True(proof.QueriesRun >= 20, $"only {proof.QueriesRun} queries ran");
        Assert.True(proof.FiringAlerts.Count == 0, "generated alerts firing against a healthy service:\n" + string.Join("\n", proof.FiringAlerts));
        Assert.True(proof.EmptyRecordings.Count == 0, "generated recording rules without data:\n" + string.Join("\n", proof.EmptyRecordings));
    }

    [SkippableFact]
    public async Task ABuildLackingADeclaredMetric_IsListedPanelByPanel()
    {
        // The "dashboard ahead of the deployed code" incident: the sample serves everything but items_scanned_total.
        var proof = await RunProofAsync(omitMetrics: "items_scanned_total");
        output.WriteLine(string.Join("\n", proof.Offenders));
        Assert.Contains(proof.Offenders, o => o.Contains("items_scanned_total per second", StringComparison.Ordinal));
        Assert.DoesNotContain(proof.Offenders, o => o.Contains("http_requests_total per second", StringComparison.Ordinal));

        // And the generated absent() alert is the one that fires (its 10m "for" aside): the incident caught before a dashboard.
        Assert.Equal(new[] { "ScaniumBackendMetricAbsent{metric=scanium_items_scanned_total}" }, proof.FiringAlerts);
    }

    private async Task<(List<string> Offenders, int QueriesRun, int LokiTargets, List<string> FiringAlerts, List<string> EmptyRecordings)> RunProofAsync(string? omitMetrics)
    {
        Skip.If(PrometheusServer.Binary is null, "prometheus is not installed and apt-get could not install it");
        var contract = Contracts.All.Single(c => c.Service == "scanium-backend");
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var secrets = Directory.CreateDirectory(Path.Combine(dir, "secrets")).FullName;
        File.WriteAllText(Path.Combine(secrets, "scanium-backend.token"), token);
        var options = new GenerationOptions { PrometheusSecretsDirectory = secrets };
        TelemetryArtifactsGenerator.Write(new[] { contract }, options, dir);

        using var sample = await SampleService.StartAsync(token, omitMetrics);
        await sample.DriveTrafficAsync(3);

        var generated = File.ReadAllText(Path.Combine(dir, "prometheus", "prometheus.yml"));
        var config = Replace(generated, "- scanium-backend:8080\n", $"- 127.0.0.1:{sample.Port}\n");
        config = Replace(config, "    scrape_interval: 15s\n", "    scrape_interval: 1s\n");
        config = Replace(config, "  - rules/", "  - " + Path.Combine(dir, "prometheus", "rules") + "/");
        await using var prometheus = await PrometheusServer.StartAsync(config);
        using var http = new HttpClient { BaseAddress = new Uri(prometheus.Url), Timeout = TimeSpan.FromSeconds(10) };

        var scraped = await PrometheusServer.WaitUntilAsync(async () => await ScalarAsync(http, "sum(count_over_time(up{job=\"scanium-backend\"}[5m]))") >= 3, TimeSpan.FromSeconds(60));
        Assert.True(scraped, "Prometheus did not scrape the sample three times");
        Assert.True(await ScalarAsync(http, "max(up{job=\"scanium-backend\"})") == 1, "the sample is down for Prometheus (token or target wrong?):\n" + sample.Output[..Math.Min(sample.Output.Length, 2000)]);
        await sample.DriveTrafficAsync(3);
        var before = await ScalarAsync(http, "sum(count_over_time(up{job=\"scanium-backend\"}[5m]))");
        await PrometheusServer.WaitUntilAsync(async () => await ScalarAsync(http, "sum(count_over_time(up{job=\"scanium-backend\"}[5m]))") >= before + 2, TimeSpan.FromSeconds(30));

        var dashboard = DashboardEmitter.Build(contract, options);
        var offenders = new List<string>();
        var queries = 0;

        // Template variables first, as Grafana's Prometheus datasource runs label_values(<selector>, <label>).
        var allSelected = new Dictionary<string, TemplateVariable>(StringComparer.Ordinal);
        var firstValue = new Dictionary<string, TemplateVariable>(StringComparer.Ordinal);
        foreach (var variable in dashboard.Variables.Where(v => v.Type == "query"))
        {
            var m = Regex.Match(variable.Query, @"^label_values\((?<selector>.+), (?<label>\w+)\)$");
            Assert.True(m.Success, "unexpected variable query " + variable.Query);
            var values = await LabelValuesAsync(http, m.Groups["label"].Value, m.Groups["selector"].Value);
            queries++;
            if (values.Count == 0)
            {
                offenders.Add($"variable ${variable.Name}: {variable.Query} returned no value");
                continue;
            }

            allSelected[variable.Name] = new TemplateVariable(variable.Name, new[] { "$__all" })
            {
                Multi = true, IncludeAll = true, AllSelected = true, AllValue = variable.AllValue, Options = values,
            };
            firstValue[variable.Name] = new TemplateVariable(variable.Name, new[] { values[0] }) { Multi = true, IncludeAll = true, Options = values };
        }

        // Every panel with the dashboard's defaults ("All"), then with the first real value of every variable selected.
        foreach (var (selection, variables) in new[] { ("All", allSelected), ("first value", firstValue) })
        {
            var context = new TemplateContext
            {
                Variables = variables,
                Dialect = InterpolationDialect.Prometheus,
                From = DateTimeOffset.UtcNow.AddHours(-1),
                To = DateTimeOffset.UtcNow,
                Interval = TimeSpan.FromSeconds(15),
                ScrapeInterval = TimeSpan.FromSeconds(15),
                DashboardTitle = dashboard.Title,
                DashboardUid = dashboard.Uid,
            };
            foreach (var panel in dashboard.Panels.Where(p => p.Datasource == DatasourceKind.Prometheus))
            {
                foreach (var target in panel.Targets)
                {
                    var expr = TemplateExpander.Expand(target.Expr, context).Text;
                    queries++;
                    if (expr.Contains('$', StringComparison.Ordinal))
                    {
                        offenders.Add($"panel \"{panel.Title}\" {target.RefId} ({selection}): unexpanded variable in {expr}");
                        continue;
                    }

                    var (status, series) = await QueryAsync(http, expr);
                    if (status != "success" || series == 0)
                    {
                        offenders.Add($"panel \"{panel.Title}\" {target.RefId} ({selection}): {status}, {series} series for {expr}");
                    }
                }
            }
        }

        // The generated rules, evaluated now: availability alerts must be silent for a healthy service, and the SLO
        // recordings over windows the test has data for (5m, as the sample has run for seconds) must have data.
        var firing = new List<string>();
        var emptyRecordings = new List<string>();
        foreach (var rule in GeneratedRules(Path.Combine(dir, "prometheus", "rules", "scanium-backend.rules.yml")))
        {
            var (status, series) = await QueryAsync(http, rule.Expr);
            Assert.True(status == "success", $"{rule.Name}: {status}");
            if (rule.IsAlert && !rule.Name.EndsWith("ErrorBudgetBurn", StringComparison.Ordinal) && series > 0)
            {
                firing.Add(rule.Metric is null ? rule.Name : $"{rule.Name}{{metric={rule.Metric}}}");
            }

            if (!rule.IsAlert && rule.Window == "5m" && series == 0)
            {
                emptyRecordings.Add(rule.Name + " " + rule.Expr);
            }
        }

        return (offenders, queries, dashboard.Panels.Where(p => p.Datasource == DatasourceKind.Loki).Sum(p => p.Targets.Count), firing, emptyRecordings);
    }

    private static List<(string Name, bool IsAlert, string Expr, string? Metric, string? Window)> GeneratedRules(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var rules = new List<(string, bool, string, string?, string?)>();
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (YamlMappingNode group in (YamlSequenceNode)root["groups"])
        {
            foreach (YamlMappingNode rule in (YamlSequenceNode)group["rules"])
            {
                string? Get(YamlMappingNode node, string key) =>
                    node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                var labels = rule.Children.TryGetValue(new YamlScalarNode("labels"), out var l) ? (YamlMappingNode)l : new YamlMappingNode();
                var alert = Get(rule, "alert");
                rules.Add((alert ?? Get(rule, "record")!, alert is not null, Get(rule, "expr")!, Get(labels, "metric"), Get(labels, "slo_window")));
            }
        }

        return rules;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static async Task<(string Status, int Series)> QueryAsync(HttpClient http, string expr)
    {
        using var response = await http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(expr));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var status = json.RootElement.GetProperty("status").GetString() ?? "";
        if (status != "success")
        {
            return (status + ": " + (json.RootElement.TryGetProperty("error", out var e) ? e.GetString() : ""), 0);
        }

        var data = json.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        return (status, data.GetProperty("resultType").GetString() is "vector" or "matrix" ? result.GetArrayLength() : 1);
    }

    private static async Task<double> ScalarAsync(HttpClient http, string expr)
    {
        using var response = await http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(expr));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> LabelValuesAsync(HttpClient http, string label, string selector)
    {
        using var response = await http.GetAsync($"/api/v1/label/{label}/values?match[]=" + Uri.EscapeDataString(selector));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
