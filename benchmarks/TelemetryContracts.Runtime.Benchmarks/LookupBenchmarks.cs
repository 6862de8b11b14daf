using BenchmarkDotNet.Attributes;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Runtime.Benchmarks;

/// <summary>Labelled lookup of an existing series among 1000, as a request path does it.</summary>
public class LookupBenchmarks
{
    private CounterFamily family = null!;
    private string method = null!;
    private string route = null!;
    private string status = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        family = registry.CreateCounter("http_requests", "r", labelNames: ["method", "route", "status"]);
        for (var i = 0; i < 1000; i++)
        {
            family.WithLabels("GET", "/api/items/" + (i % 100), LabelValues.Int32(200 + (i / 100)));
        }

        // Fresh string instances, as values parsed from a request would be, so reference equality cannot shortcut.
        method = new string("GET".AsSpan());
        route = new string("/api/items/42".AsSpan());
        status = LabelValues.Int32(204);
    }

    [Benchmark]
    public CounterCell LookupThreeLabels() => family.WithLabels(method, route, status);

    [Benchmark]
    public void LookupThreeLabelsAndInc() => family.WithLabels(method, route, status).Inc();
}
