using System.Buffers;
using BenchmarkDotNet.Attributes;
using TelemetryContracts.Runtime;

namespace TelemetryContracts.Runtime.Benchmarks;

/// <summary>A whole scrape into a reused buffer; divide the time by <see cref="Series"/> for ns per line.</summary>
public class ExpositionBenchmarks
{
    private MetricRegistry registry = null!;
    private ArrayBufferWriter<byte> buffer = null!;

    [Params(10_000, 100_000)]
    public int Series { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null, SeriesLimit = Series });
        var family = registry.CreateCounter("http_requests", "Requests served.", labelNames: ["route", "status"]);
        for (var i = 0; i < Series; i++)
        {
            family.WithLabels("/api/items/" + i, LabelValues.Int32(200 + (i % 5))).Add(i * 7L);
        }

        buffer = new ArrayBufferWriter<byte>(Series * 64);
        registry.WriteExposition(buffer, ExpositionFormat.PrometheusText);
    }

    [Benchmark]
    public int ScrapePrometheusText()
    {
        buffer.ResetWrittenCount();
        registry.WriteExposition(buffer, ExpositionFormat.PrometheusText);
        return buffer.WrittenCount;
    }

    [Benchmark]
    public int ScrapeOpenMetrics()
    {
        buffer.ResetWrittenCount();
        registry.WriteExposition(buffer, ExpositionFormat.OpenMetrics);
        return buffer.WrittenCount;
    }
}
