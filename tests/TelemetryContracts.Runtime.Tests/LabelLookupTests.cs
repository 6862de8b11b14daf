namespace TelemetryContracts.Runtime.Tests;

public sealed class LabelLookupTests
{
    [Fact]
    public void SameValues_ReturnSameCell_EvenFromDifferentStringInstances()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var family = registry.CreateCounter("requests", "r", labelNames: ["method", "route", "status"]);
        var a = family.WithLabels("GET", "/api/items", "200");
        var b = family.WithLabels(new string("GET".AsSpan()), new string("/api/items".AsSpan()), LabelValues.Int32(200));
        ReadOnlySpan<string> values = ["GET", "/api/items", "200"];
        Assert.Same(a, b);
        Assert.Same(a, family.WithLabels(values));
        Assert.NotSame(a, family.WithLabels("GET", "/api/items", "404"));
        Assert.Equal(2, family.SeriesCount);
    }

    [Fact]
    public void WrongNumberOfValues_ThrowsNamingTheDeclaredLabels()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var family = registry.CreateCounter("requests", "r", labelNames: ["method", "route"]);
        var e = Assert.Throws<ArgumentException>(() => family.WithLabels("GET"));
        Assert.Contains("method, route", e.Message);
        Assert.Throws<InvalidOperationException>(() => family.Unlabelled);
    }

    [Fact]
    public void NullValue_IsEmptyLabel()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var family = registry.CreateGauge("g", "g", labelNames: ["a"]);
        Assert.Same(family.WithLabels((string)null!), family.WithLabels(""));
    }

    [Fact]
    public void ManySeries_AreAllFoundAfterTheTableGrows()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null, SeriesLimit = 100_000 });
        var family = registry.CreateCounter("c", "c", labelNames: ["id", "kind"]);
        for (var i = 0; i < 5000; i++)
        {
            family.WithLabels(i.ToString(), (i % 7).ToString()).Add(i);
        }

        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(i, family.WithLabels(i.ToString(), (i % 7).ToString()).Value);
        }

        Assert.Equal(5000, family.SeriesCount);
    }

    [Fact]
    public void SameShapeTwice_ReturnsExistingFamily_DifferentShapeThrows()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var a = registry.CreateCounter("orders_total", "o", labelNames: ["region"]);
        Assert.Same(a, registry.CreateCounter("orders", "o", labelNames: ["region"]));
        Assert.Throws<ArgumentException>(() => registry.CreateCounter("orders", "o", labelNames: ["zone"]));
        Assert.Throws<ArgumentException>(() => registry.CreateGauge("orders", "o"));
    }

    [Theory]
    [InlineData("http.requests", new string[0])]
    [InlineData("9lives", new string[0])]
    [InlineData("ok", new[] { "bad-label" })]
    [InlineData("ok", new[] { "__reserved" })]
    [InlineData("ok", new[] { "a", "a" })]
    public void InvalidNames_AreRejectedAtCreation(string name, string[] labels)
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        Assert.Throws<ArgumentException>(() => registry.CreateCounter(name, "h", labelNames: labels));
    }

    [Fact]
    public void HistogramWithLeLabelOrUnsortedBuckets_IsRejected()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        Assert.Throws<ArgumentException>(() => registry.CreateHistogram("h", "h", labelNames: ["le"]));
        Assert.Throws<ArgumentException>(() => registry.CreateHistogram("h2", "h", buckets: [1, 0.5]));
    }

    [Fact]
    public void CounterRejectsNegativeIncrement()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.CreateCounter("c", "c").Add(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.CreateDoubleCounter("d", "d").Add(-0.5));
    }

    [Fact]
    public void LabelValuesInt32_ReturnsCachedStringForStatusCodes()
    {
        Assert.Same(LabelValues.Int32(404), LabelValues.Int32(404));
        Assert.Equal("-1", LabelValues.Int32(-1));
        Assert.Equal("100000", LabelValues.Int32(100000));
    }

    [Fact]
    public void ConcurrentLookupsOfManyLabelSets_AlwaysReturnTheCellOfThoseValues()
    {
        // Many label sets share the 128 identity-cache slots, so readers constantly overlap writers of the same slot.
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null, SeriesLimit = 10_000 });
        var family = registry.CreateCounter("c", "c", labelNames: ["a", "b", "c"]);
        var values = Enumerable.Range(0, 2000).Select(i => (A: "a" + i, B: LabelValues.Int32(i % 600), C: (i % 3).ToString())).ToArray();
        var wrong = 0;
        Parallel.For(0, 8, t =>
        {
            var random = new Random(t);
            for (var i = 0; i < 200_000; i++)
            {
                var (a, b, c) = values[random.Next(values.Length)];
                var cell = family.WithLabels(a, b, c);
                if (cell.LabelValues[0] != a || cell.LabelValues[1] != b || cell.LabelValues[2] != c)
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });
        Assert.Equal(0, wrong);
        Assert.Equal(2000, family.SeriesCount);
    }
}
