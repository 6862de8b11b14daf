using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.Grafana.Templating;
using TelemetryContracts.LogQL;

namespace TelemetryContracts.Generation.Tests;

/// <summary>
/// The generated Loki panels select exactly the declared stream labels, parse as LogQL once Grafana has expanded
/// them, and the log collectors attach those same labels (no Loki runs here, so this is the static half of the proof).
/// </summary>
public sealed class LogQueryTests
{
    public static IEnumerable<object[]> ContractNames => Contracts.Names;

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void EveryLokiTarget_ParsesAsLogQlAfterGrafanaExpansion(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        var dashboard = DashboardEmitter.Build(c, new GenerationOptions());
        var variables = dashboard.Variables.Where(v => v.Type == "query").ToDictionary(
            v => v.Name,
            v => new TemplateVariable(v.Name, new[] { "$__all" })
            {
                Multi = true, IncludeAll = true, AllSelected = true, AllValue = v.AllValue,
                Options = c.FindLabel(v.Name)?.ClosedValues ?? Array.Empty<string>(),
            });
        var context = new TemplateContext { Variables = variables, Dialect = InterpolationDialect.Loki };
        var targets = dashboard.Panels.Where(p => p.Datasource == DatasourceKind.Loki).SelectMany(p => p.Targets).ToList();
        Assert.Equal(c.Logs.Count * 2, targets.Count);
        foreach (var target in targets)
        {
            var expanded = TemplateExpander.Expand(target.Expr, context).Text;
            var parsed = Parser.Parse(expanded);
            Assert.True(parsed.Success, $"{expanded}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.Contains("| json", expanded, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void LogSelectors_UseExactlyTheDeclaredStreamLabels(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        var dashboard = DashboardEmitter.Build(c, new GenerationOptions());
        foreach (var stream in c.Logs)
        {
            var logs = dashboard.Panels.Single(p => p.Source == "log:" + stream.Name && p.Type == "logs").Targets.Single().Expr;
            var selector = logs[1..logs.IndexOf('}', StringComparison.Ordinal)];
            var names = selector.Split(", ").Select(m => m[..m.IndexOfAny(new[] { '=', '!' })]).ToList();
            Assert.Equal(stream.Labels.Select(l => l.Name), names);
            foreach (var l in stream.Labels.Where(l => l.FixedValue is not null))
            {
                Assert.Contains($"{l.Name}=\"{l.FixedValue}\"", selector, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Collectors_SetTheDeclaredSource_AndKeepNothingElse()
    {
        // The incident: the collector attached source="docker" and the dashboard's {source="scanium-backend"} matched nothing.
        var c = Contracts.All.Single(x => x.Service == "scanium-backend");
        var alloy = Logs.AlloyEmitter.Emit(c, new GenerationOptions());
        var promtail = Logs.PromtailEmitter.Emit(c, new GenerationOptions());
        Assert.Contains("source = \"scanium-backend\"", alloy, StringComparison.Ordinal);
        Assert.Contains("values = [\"source\", \"env\"]", alloy, StringComparison.Ordinal);
        Assert.Contains("target_label: source\n        replacement: scanium-backend\n", promtail, StringComparison.Ordinal);
        Assert.Contains("- labelallow:\n          - source\n          - env\n", promtail, StringComparison.Ordinal);
        Assert.DoesNotContain("docker\"", alloy.Replace("discovery.docker", "", StringComparison.Ordinal).Replace("loki.source.docker", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Collectors_ReadAReferencedStreamLabelFromTheJsonKeyTheTypedLoggerWrites_ItsOwnName()
    {
        // The typed logger writes stream label tenant under "tenant"; reading "tenant_id" (the label it references)
        // would leave every line without the label, and the dashboard's {tenant="..."} would show "No data".
        const string text = """
            service: billing
            labels:
              tenant_id: { max_values: 50 }
            logs:
              app:
                stream: { source: billing, tenant: $tenant_id }
                levels: [info, error]
            """;
        var result = ContractLoader.Parse("billing.telemetry.yaml", text);
        Assert.DoesNotContain(result.Findings, f => f.Severity >= Severity.Error);
        var alloy = Logs.AlloyEmitter.Emit(result.Contract!, new GenerationOptions());
        var promtail = Logs.PromtailEmitter.Emit(result.Contract!, new GenerationOptions());
        Assert.Contains("      tenant = \"tenant\",\n", alloy, StringComparison.Ordinal);
        Assert.Contains("            tenant: tenant\n", promtail, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant_id", alloy + promtail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void GeneratedYamlFiles_AreWellFormedYaml(string contract)
    {
        var c = Contracts.ByRelativePath(contract);
        var options = new GenerationOptions();
        foreach (var text in new[] { Logs.PromtailEmitter.Emit(c, options), Prometheus.RulesEmitter.Emit(c, options) })
        {
            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            yaml.Load(new StringReader(text));
            Assert.Single(yaml.Documents);
        }
    }
}
