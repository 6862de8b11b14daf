using Xunit.Abstractions;

namespace TelemetryContracts.Runtime.Tests;

public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public void EightThreadsTenMillionIncrements_WhileScraping_TotalsExactAndEveryScrapeConsistent()
    {
        const int threads = 8;
        const int perThread = 10_000_000;
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var counter = registry.CreateCounter("work_done", "Work done.", labelNames: ["kind"]).WithLabels("hot");
        var upDown = registry.CreateUpDownCounter("in_flight", "In flight.");
        var doubles = registry.CreateDoubleCounter("bytes", "Bytes.");
        var histogram = registry.CreateHistogram("latency_seconds", "Latency.", "seconds", ["kind"], [0.001, 0.01, 0.1, 1]).WithLabels("hot");

        using var stop = new CancellationTokenSource();
        var scrapes = 0;
        long lastTotal = 0;
        using var scraping = new ManualResetEventSlim();
        Exception? scrapeFailure = null;
        var scraper = new Thread(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    scraping.Set();
                    var format = scrapes % 2 == 0 ? ExpositionFormat.PrometheusText : ExpositionFormat.OpenMetrics;
                    var exposition = StrictExpositionReader.Read(registry.ToExpositionString(format), format.IsOpenMetrics);
                    var total = (long)exposition.Named("work_done_total").Single().Value;
                    Assert.True(total >= lastTotal, $"counter went backwards: {total} after {lastTotal}");
                    lastTotal = total;
                    scrapes++;
                }
            }
            catch (Exception e)
            {
                scrapeFailure = e;
                scraping.Set();
            }
        });
        scraper.Start();

        // The scraper runs before the workers start, so scrapes overlap the increments even on a loaded machine.
        scraping.Wait();

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                counter.Inc();
                if ((i & 1023) == 0)
                {
                    upDown.Inc();
                    upDown.Dec();
                    doubles.Add(0.5);
                    histogram.Observe((i % 7) * 0.01);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        stop.Cancel();
        scraper.Join();
        Assert.Null(scrapeFailure);

        var final = StrictExpositionReader.Read(registry.ToExpositionString(ExpositionFormat.PrometheusText), false);
        var observations = threads * ((perThread + 1023) / 1024);
        Assert.Equal((long)threads * perThread, counter.Value);
        Assert.Equal((double)threads * perThread, final.Named("work_done_total").Single().Value);
        Assert.Equal(0, upDown.Unlabelled.Value);
        Assert.Equal(observations * 0.5, doubles.Unlabelled.Value);
        Assert.Equal(observations, histogram.Count);
        Assert.Equal(observations, final.Named("latency_seconds_count").Single().Value);
        Assert.True(scrapes > 0);
        output.WriteLine($"{threads} threads x {perThread:N0} increments, {scrapes} consistent scrapes during the run");
    }

    [Fact]
    public void ConcurrentCreationOfTheSameSeries_YieldsOneCellAndNoLostIncrements()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var family = registry.CreateCounter("c", "c", labelNames: ["id"]);
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                family.WithLabels(LabelValues.Int32(i % 500)).Inc();
            }
        });
        Assert.Equal(500, family.SeriesCount);
        long sum = 0;
        family.ForEachSeries(c => sum += c.Value);
        Assert.Equal(8 * 20_000, sum);
    }
}
