using System.Globalization;
using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>The model bound from a contract: values, defaults, positions, and YAML/JSON giving one model.</summary>
public sealed class ContractBindingTests
{
    private static TelemetryContract Scanium => ContractLoader.LoadFile(Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml")).Contract;

    [Fact]
    public void ScaniumBackend_BindsEverySection()
    {
        var c = Scanium;
        Assert.Equal("scanium-backend", c.Service);
        Assert.Equal("scanium", c.Namespace);
        Assert.Equal(8080, c.Scrape!.Port);
        Assert.Equal(AuthType.Bearer, c.Scrape.Auth.Type);
        Assert.Equal("SCANIUM_METRICS_TOKEN", c.Scrape.Auth.TokenEnv);

        var duration = c.FindMetric("scanium_http_request_duration_ms")!;
        Assert.Equal(MetricType.Histogram, duration.Type);
        Assert.Equal(MetricValueType.Double, duration.ValueType);
        Assert.Equal(new[] { "service_name", "env", "method", "route" }, duration.Labels);
        Assert.Equal(new double[] { 5, 10, 25, 50, 100, 250, 500, 600, 1000, 2500, 5000 }, duration.Buckets);
        Assert.Equal(new[] { "scanium_http_request_duration_ms_bucket", "scanium_http_request_duration_ms_sum", "scanium_http_request_duration_ms_count" }, duration.SeriesNames);

        var env = c.FindLabel("env")!;
        Assert.True(env.IsClosed);
        Assert.Equal(new[] { "dev", "staging", "prod" }, env.Values);
        var status = c.FindLabel("status_code")!;
        Assert.Equal(LabelType.Int, status.Type);
        Assert.False(status.IsClosed);
        Assert.Equal(60, status.MaxValues);

        var stream = Assert.Single(c.Logs);
        Assert.Equal("source", stream.Labels[0].Name);
        Assert.Equal("scanium-backend", stream.Labels[0].FixedValue);
        Assert.Equal("env", stream.Labels[1].LabelRef);
        Assert.Contains(stream.Fields, f => f.Name == "trace_id");

        var latency = c.Slos.Single(s => s.Name == "api-latency");
        Assert.Equal(SloKind.Latency, latency.Kind);
        Assert.Equal(0.95, latency.Quantile);
        Assert.Equal(600, latency.Below);
        var errors = c.Slos.Single(s => s.Name == "api-errors");
        Assert.Equal(SloKind.ErrorRatio, errors.Kind);
        Assert.Equal("5..", errors.Errors.Single(e => e.Key == "status_code").Value);
        Assert.Equal(0.99, errors.Objective, 10);
    }

    [Fact]
    public void EveryModelElement_KeepsTheSourcePositionOfItsKey()
    {
        var c = Scanium;
        var lines = File.ReadAllLines(c.FilePath);
        foreach (var m in c.Metrics)
        {
            Assert.StartsWith(m.Name + ":", lines[m.Span.Start.Line - 1].Substring(m.Span.Start.Column - 1));
        }

        foreach (var l in c.Labels)
        {
            Assert.StartsWith(l.Name + ":", lines[l.Span.Start.Line - 1].Substring(l.Span.Start.Column - 1));
        }

        var duration = c.FindMetric("http_request_duration_ms")!;
        Assert.StartsWith("[5, 10", lines[duration.SpanOf("buckets").Start.Line - 1].Substring(duration.SpanOf("buckets").Start.Column - 1));
    }

    [Fact]
    public void Defaults_FillWhatTheContractLeavesOut()
    {
        var c = ContractLoader.Parse("d.telemetry.yaml", "service: demo\nscrape: { port: 9000 }\nlabels:\n  route:\nmetrics:\n  jobs_total: { type: counter, help: Jobs. }\n  queue_depth: { type: gauge, help: Depth. }\nlogs:\n  app: { stream: { app: demo } }\n").Contract;
        Assert.Equal("demo", c.Job);
        Assert.Equal("/metrics", c.Scrape!.Path);
        Assert.Equal("http", c.Scrape.Scheme);
        Assert.Equal(AuthType.None, c.Scrape.Auth.Type);
        Assert.Equal("jobs_total", c.Metrics[0].FullName);
        Assert.Equal(MetricValueType.Long, c.Metrics[0].ValueType);
        Assert.Equal(MetricValueType.Double, c.Metrics[1].ValueType);
        Assert.True(c.Metrics[0].Required);
        Assert.Equal(LabelType.String, c.FindLabel("route")!.Type);
        Assert.Equal(new[] { "DEBUG", "INFO", "WARN", "ERROR" }, c.Logs[0].Levels);
        Assert.Equal("level", c.Logs[0].LevelField);
        Assert.Equal("msg", c.Logs[0].MessageField);
    }

    [Fact]
    public void YamlAndJson_BindToTheSameModel()
    {
        var yaml = Scanium;
        var json = ContractLoader.Parse("scanium-backend.telemetry.json", ToJson(yaml)).Contract;
        Assert.Equal(Dump(yaml), Dump(json));
    }

    [Fact]
    public void AliasesAndMergeKeys_Resolve()
    {
        var c = ContractLoader.Parse("a.telemetry.yaml", "service: demo\nlabels:\n  env: { values: [a, b] }\nx-defaults: &d { type: counter, labels: [env] }\nmetrics:\n  a_total: { <<: *d, help: A. }\n  b_total: { <<: *d, help: B., labels: [] }\n");
        Assert.False(c.HasErrors, string.Join("\n", c.Findings));
        Assert.Equal(MetricType.Counter, c.Contract.Metrics[0].Type);
        Assert.Equal(new[] { "env" }, c.Contract.Metrics[0].Labels);
        Assert.Empty(c.Contract.Metrics[1].Labels);
    }

    /// <summary>A canonical text form of everything the model holds (positions excluded).</summary>
    internal static string Dump(TelemetryContract c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{c.Service}|{c.Namespace}|{c.Description}|{c.Scrape?.Job}|{c.Scrape?.Port}|{c.Scrape?.Path}|{c.Scrape?.Scheme}|{c.Scrape?.Host}|{c.Scrape?.Interval}|{c.Scrape?.Auth.Type}|{c.Scrape?.Auth.TokenEnv}");
        foreach (var l in c.Labels)
        {
            sb.AppendLine($"label {l.Name} {l.Type} [{string.Join(",", l.Values ?? Array.Empty<string>())}] {l.MaxValues} {l.Description}");
        }

        foreach (var m in c.Metrics)
        {
            sb.AppendLine($"metric {m.FullName} {m.Type} {m.ValueType} {m.Unit} [{string.Join(",", m.Labels)}] [{string.Join(",", (m.Buckets ?? Array.Empty<double>()).Select(b => b.ToString(CultureInfo.InvariantCulture)))}] {m.Help}");
        }

        foreach (var s in c.Logs)
        {
            sb.AppendLine($"log {s.Name} {string.Join(",", s.Labels.Select(l => l.Name + "=" + (l.FixedValue ?? "$" + l.LabelRef)))} [{string.Join(",", s.Levels)}] [{string.Join(",", s.Fields.Select(f => f.Name))}]");
        }

        foreach (var s in c.Slos)
        {
            sb.AppendLine($"slo {s.Name} {s.Kind} {s.Metric} {s.Quantile} {s.Below} {s.Objective} {s.Window} {string.Join(",", s.Errors.Select(e => e.Key + "=" + e.Value))}");
        }

        return sb.ToString();
    }

    private static string ToJson(TelemetryContract c)
    {
        // The schema validator's converter turns our document tree into JSON the way a user would write it.
        var node = c.Node!;
        return TelemetryContracts.Contracts.Schema.ContractSchemaValidator.ToJson(node).ToString(Newtonsoft.Json.Formatting.Indented);
    }
}
