using System.Reflection;
using TelemetryContracts.Contracts;

namespace TelemetryContracts.Testing.Consumer.Tests;

/// <summary>The generated contract tests compile against the kit and cover every declared metric (per backend) and stream.</summary>
public sealed class GeneratedContractTestsShapeTests
{
    [Fact]
    public void GeneratedClass_HasOneSkippableTestPerMetricAndBackend_AndPerStream()
    {
        var type = typeof(GeneratedContractTestsShapeTests).Assembly.GetTypes().Single(t => t.Name == "ScaniumBackendContractTests");
        var tests = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "SkippableFactAttribute"))
            .Select(m => m.Name).ToHashSet();
        var contract = ContractLoader.LoadFile("scanium-backend.telemetry.yaml").Contract;
        foreach (var metric in contract.Metrics)
        {
            Assert.Contains(metric.FullName + "_is_served_by_metrics_endpoint", tests);
            Assert.Contains(metric.FullName + "_has_series_in_prometheus", tests);
        }

        foreach (var stream in contract.Logs)
        {
            Assert.Contains(stream.Name + "_log_stream_has_lines_in_loki", tests);
        }
    }
}
