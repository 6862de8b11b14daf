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
        output.WriteLine($"{threads} threads x {perThread:N0} increments, {scrapes} consistent scrapes during the run, counter striped: {counter.IsStriped}");
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

    [Fact]
    public void OneThreadAlone_KeepsTheSeriesOneFieldWhateverItsRate()
    {
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var counter = registry.CreateCounter("solo", "Solo.").Unlabelled;
        for (var i = 0; i < 5_000_000; i++)
        {
            counter.Inc();
        }

        Assert.False(counter.IsStriped);
        Assert.Equal(5_000_000, counter.Value);
    }

    [Fact]
    public void ThreadsTakingTurnsAtALowRate_KeepTheSeriesOneField()
    {
        // The threads alternate, adding 1 and 2, so consecutive samples (every 64 units) keep seeing a different writer;
        // a blocking hand-off keeps the rate far below the detector's threshold: sharing without contention costs no
        // stripes.
        const int turns = 20_000;
        using var registry = new MetricRegistry(new MetricRegistryOptions { MeterName = null });
        var counter = registry.CreateCounter("turns", "Turns.").Unlabelled;
        using var ping = new AutoResetEvent(true);
        using var pong = new AutoResetEvent(false);
        var players = new[] { (Wait: ping, Signal: pong, Delta: 1), (Wait: pong, Signal: ping, Delta: 2) }.Select(p => new Thread(() =>
        {
            for (var i = 0; i < turns / 2; i++)
            {
                p.Wait.WaitOne();
                counter.Add(p.Delta);
                p.Signal.Set();
            }
        })).ToList();
        players.ForEach(p => p.Start());
        players.ForEach(p => p.Join());

        Assert.False(counter.IsStriped);
        Assert.Equal(turns / 2 * 3, counter.Value);
    }
}
