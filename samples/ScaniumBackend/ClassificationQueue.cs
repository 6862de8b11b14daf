using System.Threading.Channels;
using ScaniumBackend.Telemetry;

namespace ScaniumBackend;

/// <summary>
/// Scans wait here for classification (the queue whose depth <c>classification_queue_depth</c> reports); a
/// background loop classifies them and counts <c>items_scanned_total</c> by category and outcome.
/// </summary>
public sealed class ClassificationQueue : BackgroundService
{
    private static readonly (string Keyword, ScaniumBackendTelemetry.Category Category)[] Keywords =
    [
        ("phone", ScaniumBackendTelemetry.Category.Electronics), ("charger", ScaniumBackendTelemetry.Category.Electronics),
        ("laptop", ScaniumBackendTelemetry.Category.Electronics), ("book", ScaniumBackendTelemetry.Category.Books),
        ("novel", ScaniumBackendTelemetry.Category.Books), ("shirt", ScaniumBackendTelemetry.Category.Clothing),
        ("jacket", ScaniumBackendTelemetry.Category.Clothing), ("shoe", ScaniumBackendTelemetry.Category.Clothing),
    ];

    private readonly Channel<Scan> channel = Channel.CreateUnbounded<Scan>();
    private readonly ScaniumBackendTelemetry telemetry;
    private readonly ScaniumBackendTelemetry.BackendLogger log;
    private readonly ScaniumSettings settings;
    private int nextId;
    private int depth;

    /// <summary>Creates the queue.</summary>
    public ClassificationQueue(ScaniumBackendTelemetry telemetry, ScaniumBackendTelemetry.BackendLogger log, ScaniumSettings settings)
    {
        this.telemetry = telemetry;
        this.log = log;
        this.settings = settings;
    }

    /// <summary>Classifies <paramref name="name"/> by keyword and queues it; the category is known at once.</summary>
    public Scan Enqueue(string name)
    {
        var category = Classify(name);
        var scan = new Scan(Interlocked.Increment(ref nextId), name, ScaniumBackendTelemetry.WireValue(category));
        channel.Writer.TryWrite(scan);
        telemetry.ClassificationQueueDepth.Set(Interlocked.Increment(ref depth), settings.Env);
        return scan;
    }

    /// <summary>Counts a scan that could not be classified (no name).</summary>
    public void RecordRejected() =>
        telemetry.ItemsScannedTotal.Inc(settings.Env, ScaniumBackendTelemetry.Category.Other, ScaniumBackendTelemetry.Outcome.Failure);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var scan in channel.Reader.ReadAllAsync(stoppingToken))
            {
                await Task.Delay(settings.ClassifyDelayMs, stoppingToken);
                ScaniumBackendTelemetry.TryParse(scan.Category, out ScaniumBackendTelemetry.Category category);
                telemetry.ItemsScannedTotal.Inc(settings.Env, category, ScaniumBackendTelemetry.Outcome.Success);
                telemetry.ClassificationQueueDepth.Set(Interlocked.Decrement(ref depth), settings.Env);
                log.Debug("scan classified", eventName: "scan_classified");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private static ScaniumBackendTelemetry.Category Classify(string name)
    {
        foreach (var (keyword, category) in Keywords)
        {
            if (name.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        return ScaniumBackendTelemetry.Category.Other;
    }
}

/// <summary>A queued scan.</summary>
public sealed record Scan(int Id, string Name, string Category);
