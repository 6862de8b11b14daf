using System.Diagnostics;
using Xunit.Abstractions;

namespace TelemetryContracts.Runtime.Tests;

public sealed class CardinalityTests(ITestOutputHelper output)
{
    [Fact]
    public void MillionDistinctValues_StayAtTheCap_OverflowCounted_MemoryBounded()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var family = registry.CreateCounter("requests_by_user", "Requests by user id (an open label).", labelNames: ["user", "route"]);
        family.WithLabels("warmup", "/").Inc();

        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var managedBefore = GC.GetTotalMemory(true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        const int distinct = 1_000_000;
        for (var i = 0; i < distinct; i++)
        {
            family.WithLabels("user-" + i, "/api/items").Inc();
        }

        GC.Collect(2, GCCollectionMode.Forced, true, true);
        var managedAfter = GC.GetTotalMemory(true);
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;

        Assert.Equal(2000, family.SeriesCount);
        var overflow = family.OverflowSeries!;
        Assert.Equal(["__overflow__", "__overflow__"], overflow.LabelValues);
        var rejected = distinct - 1999;
        Assert.Equal(rejected, overflow.Value);

        var exposition = StrictExpositionReader.Read(registry.ToExpositionString(ExpositionFormat.PrometheusText), false);
        Assert.Equal(2001, exposition.Named("requests_by_user_total").Count());
        var counted = exposition.Named("telemetry_contracts_series_overflow_total").Single();
        Assert.Equal("requests_by_user", counted.Label("metric"));
        Assert.Equal(rejected, counted.Value);

        var growth = managedAfter - managedBefore;
        output.WriteLine($"managed heap growth after {distinct:N0} distinct values: {growth / 1024.0:N0} KiB; working set {(workingSetAfter - workingSetBefore) / 1048576.0:N1} MiB");
        // 2000 series with two short labels need well under 2 MiB; a leak of one entry per value would be > 50 MiB.
        Assert.True(growth < 4 * 1024 * 1024, $"managed heap grew by {growth} bytes");
    }

    [Fact]
    public void SeriesLimit_IsConfigurablePerFamily()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null, SeriesLimit = 5 });
        var small = registry.CreateGauge("small", "s", labelNames: ["k"]);
        var large = registry.CreateGauge("large", "l", labelNames: ["k"], seriesLimit: 50);
        for (var i = 0; i < 20; i++)
        {
            small.WithLabels(i.ToString()).Set(i);
            large.WithLabels(i.ToString()).Set(i);
        }

        Assert.Equal(5, small.SeriesCount);
        Assert.True(small.HasOverflowed);
        Assert.Equal(20, large.SeriesCount);
        Assert.False(large.HasOverflowed);
        Assert.Same(small.WithLabels("3"), small.WithLabels("3"));
    }
}
