using BenchmarkDotNet.Attributes;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Runtime.Benchmarks;

/// <summary>
/// Labelled lookup of an existing series among 1000, as a request path does it: with the same string instances each
/// time (literals, cached ints, route templates: the identity cache answers) and with ever-new instances of the same
/// text (values parsed per request: hashing and comparing characters).
/// </summary>
public class LookupBenchmarks
{
    private CounterFamily family = null!;
    private string method = null!;
    private string route = null!;
    private string status = null!;
    private string[] freshRoutes = null!;
    private int next;

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

        // 4096 distinct instances of one route: more than the identity cache holds, so lookups take the content path.
        freshRoutes = Enumerable.Range(0, 4096).Select(_ => new string("/api/items/42".AsSpan())).ToArray();
    }

    [Benchmark]
    public CounterCell LookupThreeLabels() => family.WithLabels(method, route, status);

    [Benchmark]
    public CounterCell LookupThreeLabelsFreshInstances() => family.WithLabels(method, freshRoutes[next++ & 4095], status);

    [Benchmark]
    public void LookupThreeLabelsAndInc() => family.WithLabels(method, route, status).Inc();
}
