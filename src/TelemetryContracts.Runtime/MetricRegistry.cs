using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>
/// Holds metric families and writes them as Prometheus text or OpenMetrics. Create families once (at start-up or in
/// a generated class's constructor) and keep them; creating a family with the same name and shape again returns
/// the existing one, a different shape throws.
/// </summary>
public sealed class MetricRegistry : IDisposable
{
    /// <summary>Name of the self-metric counting label lookups redirected to an overflow series.</summary>
    public const string OverflowMetricName = "telemetry_contracts_series_overflow";

    private static MetricRegistry? defaultRegistry;

    private readonly object gate = new();
    private readonly Dictionary<string, MetricFamily> byName = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim scrapeGate = new(1, 1);
    private readonly ArrayBufferWriter<byte> scrapeBuffer = new(64 * 1024);
    private readonly MeterMirror? mirror;
    private readonly MeterBridge? bridge;
    private MetricFamily[] families = [];
    private CounterFamily? overflowFamily;

    /// <summary>Creates a registry with default options.</summary>
    public MetricRegistry()
        : this(new MetricRegistryOptions())
    {
    }

    /// <summary>Creates a registry.</summary>
    public MetricRegistry(MetricRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SeriesLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SeriesLimit, "SeriesLimit must be at least 1.");
        }

        Options = options;
        if (options.MeterName is { Length: > 0 } meterName)
        {
            mirror = new MeterMirror(meterName);
        }

        if (options.BridgedMeters.Count > 0)
        {
            bridge = new MeterBridge(this, options.BridgedMeters.ToArray(), mirror?.Meter);
        }
    }

    /// <summary>A process-wide registry for code that has no dependency injection; created on first use.</summary>
    public static MetricRegistry Default
    {
        get
        {
            if (defaultRegistry is null)
            {
                Interlocked.CompareExchange(ref defaultRegistry, new MetricRegistry(), null);
            }

            return defaultRegistry;
        }
    }

    /// <summary>The options the registry was created with.</summary>
    public MetricRegistryOptions Options { get; }

    /// <summary>The families in registration order (bridged instruments included).</summary>
    public IReadOnlyList<MetricFamily> Families => Volatile.Read(ref families);

    /// <summary>The mirroring meter, or null when <see cref="MetricRegistryOptions.MeterName"/> is null.</summary>
    public Meter? Meter => mirror?.Meter;

    /// <summary>Creates (or returns the existing) integer counter. A trailing <c>_total</c> in <paramref name="name"/> is dropped: samples always carry it.</summary>
    public CounterFamily CreateCounter(string name, string help, string unit = "", string[]? labelNames = null, int? seriesLimit = null)
    {
        name = StripTotal(name);
        return GetOrAdd(name, MetricType.Counter, labelNames, false, null, labels => new CounterFamily(this, name, help, unit, labels, Limit(seriesLimit)));
    }

    /// <summary>Creates (or returns the existing) floating-point counter.</summary>
    public DoubleCounterFamily CreateDoubleCounter(string name, string help, string unit = "", string[]? labelNames = null, int? seriesLimit = null)
    {
        name = StripTotal(name);
        return GetOrAdd(name, MetricType.Counter, labelNames, false, null, labels => new DoubleCounterFamily(this, name, help, unit, labels, Limit(seriesLimit)));
    }

    /// <summary>Creates (or returns the existing) gauge.</summary>
    public GaugeFamily CreateGauge(string name, string help, string unit = "", string[]? labelNames = null, int? seriesLimit = null) =>
        GetOrAdd(name, MetricType.Gauge, labelNames, false, null, labels => new GaugeFamily(this, name, help, unit, labels, Limit(seriesLimit)));

    /// <summary>Creates (or returns the existing) up-down counter (exposed as a gauge).</summary>
    public UpDownCounterFamily CreateUpDownCounter(string name, string help, string unit = "", string[]? labelNames = null, int? seriesLimit = null) =>
        GetOrAdd(name, MetricType.Gauge, labelNames, false, null, labels => new UpDownCounterFamily(this, name, help, unit, labels, Limit(seriesLimit)));

    /// <summary>Creates (or returns the existing) histogram; <paramref name="buckets"/> are ascending upper bounds (null: <see cref="HistogramFamily.DefaultBuckets"/>).</summary>
    public HistogramFamily CreateHistogram(string name, string help, string unit = "", string[]? labelNames = null, double[]? buckets = null, int? seriesLimit = null)
    {
        var bounds = buckets ?? HistogramFamily.DefaultBuckets.ToArray();
        return GetOrAdd(name, MetricType.Histogram, labelNames, true, bounds, labels => new HistogramFamily(this, name, help, unit, labels, bounds, Limit(seriesLimit)));
    }

    /// <summary>Creates a gauge read from <paramref name="read"/> at every scrape.</summary>
    public CallbackGauge CreateCallbackGauge(string name, string help, string unit, Func<double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return GetOrAdd(name, MetricType.Gauge, null, false, null, _ => new CallbackGauge(this, name, help, unit, read));
    }

    /// <summary>Writes every family into <paramref name="writer"/> (a PipeWriter, or a reused ArrayBufferWriter: nothing is allocated per scrape).</summary>
    public void WriteExposition(IBufferWriter<byte> writer, ExpositionFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(format);
        scrapeGate.Wait();
        try
        {
            WriteUnderGate(writer, format);
        }
        finally
        {
            scrapeGate.Release();
        }
    }

    /// <summary>Writes every family to <paramref name="stream"/> through a buffer the registry reuses.</summary>
    public async Task WriteExpositionAsync(Stream stream, ExpositionFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        await scrapeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            scrapeBuffer.ResetWrittenCount();
            WriteUnderGate(scrapeBuffer, format);
            await stream.WriteAsync(scrapeBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scrapeGate.Release();
        }
    }

    /// <summary>The exposition as a string (tests, diagnostics); allocates.</summary>
    public string ToExpositionString(ExpositionFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteExposition(buffer, format);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        bridge?.Dispose();
        mirror?.Dispose();
    }

    internal CounterCell? OverflowCounterFor(MetricFamily family)
    {
        if (ReferenceEquals(family, overflowFamily))
        {
            return null;
        }

        if (overflowFamily is null)
        {
            lock (gate)
            {
                overflowFamily ??= CreateCounter(
                    OverflowMetricName,
                    "Label lookups sent to the overflow series because the metric reached its series limit.",
                    string.Empty,
                    ["metric"],
                    100_000);
            }
        }

        return overflowFamily.WithLabels(family.Name);
    }

    /// <summary>Adds a family created by the meter bridge; false when the name is taken (our own family wins).</summary>
    internal bool TryAddBridged(MetricFamily family)
    {
        lock (gate)
        {
            if (!byName.TryAdd(family.Name, family))
            {
                return false;
            }

            Volatile.Write(ref families, [.. families, family]);
            return true;
        }
    }

    private void WriteUnderGate(IBufferWriter<byte> writer, ExpositionFormat format)
    {
        bridge?.CollectObservables();
        var lines = new LineWriter(writer);
        foreach (var family in Volatile.Read(ref families))
        {
            family.Write(ref lines, format);
        }

        if (format.IsOpenMetrics)
        {
            ExpositionText.WriteRaw(ref lines, "# EOF\n"u8);
        }

        lines.Flush();
    }

    private int Limit(int? seriesLimit)
    {
        var limit = seriesLimit ?? Options.SeriesLimit;
        return limit >= 1 ? limit : throw new ArgumentOutOfRangeException(nameof(seriesLimit), limit, "A series limit must be at least 1.");
    }

    private static string StripTotal(string name) =>
        name is not null && name.EndsWith("_total", StringComparison.Ordinal) && name.Length > "_total".Length ? name[..^"_total".Length] : name!;

    private TFamily GetOrAdd<TFamily>(string name, MetricType type, string[]? labelNames, bool histogram, double[]? buckets, Func<string[], TFamily> create)
        where TFamily : MetricFamily
    {
        NameRules.ValidateMetricName(name);
        var labels = labelNames is null ? [] : (string[])labelNames.Clone();
        NameRules.ValidateLabelNames(name, labels, histogram);
        lock (gate)
        {
            if (byName.TryGetValue(name, out var existing))
            {
                if (existing is TFamily same && existing.LabelNamesArray.AsSpan().SequenceEqual(labels)
                    && (buckets is null || (existing is HistogramFamily h && h.BoundsArray.AsSpan().SequenceEqual(buckets.Where(b => !double.IsPositiveInfinity(b)).ToArray()))))
                {
                    return same;
                }

                throw new ArgumentException(
                    $"Metric '{name}' already exists as {existing.GetType().Name} with labels ({string.Join(", ", existing.LabelNamesArray)}); a family name must have one type and one label set.",
                    nameof(name));
            }

            var family = create(labels);
            byName.Add(name, family);
            Volatile.Write(ref families, [.. families, family]);
            mirror?.Add(family);
            return family;
        }
    }
}
