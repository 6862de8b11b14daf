using System.Buffers;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// One instrument of another meter, exported under its Prometheus name. Measurements of one instrument may carry
/// different tag keys, so the instrument holds one inner family per (sorted) key set and writes them under a single
/// HELP/TYPE header.
/// </summary>
internal sealed class BridgedInstrument : MetricFamily
{
    private readonly object gate = new();
    private readonly double[]? buckets;
    private KeySet[] keySets = [];

    public BridgedInstrument(MetricRegistry registry, string name, string help, string unit, BridgeKind kind, double[]? buckets)
        : base(registry, name, help, unit, [], TypeOf(kind), registry.Options.SeriesLimit)
    {
        Kind = kind;
        this.buckets = buckets;
    }

    public BridgeKind Kind { get; }

    public override int SeriesCount => Volatile.Read(ref keySets).Sum(k => k.Family.SeriesCount);

    public override bool HasOverflowed => Volatile.Read(ref keySets).Any(k => k.Family.HasOverflowed);

    [ThreadStatic]
    private static string[]? valueBuffer;

    /// <summary>Applies one measurement to the series its tags name.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var n = tags.Length;
        Span<int> order = n <= 16 ? stackalloc int[n] : new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Insertion sort by key: tag order differs between call sites, the series must not.
        for (var i = 1; i < n; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(tags[order[j]].Key, tags[current].Key) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }

        var family = FamilyFor(tags, order);
        var values = valueBuffer is { } buffer && buffer.Length >= n ? buffer : valueBuffer = new string[Math.Max(n, 8)];
        for (var i = 0; i < n; i++)
        {
            values[i] = ToLabelValue(tags[order[i]].Value);
        }

        var span = new ReadOnlySpan<string>(values, 0, n);
        switch (Kind)
        {
            case BridgeKind.Counter:
                if (value >= 0)
                {
                    ((DoubleCounterFamily)family).WithLabels(span).Add(value);
                }

                break;
            case BridgeKind.ObservableCounter:
                ((DoubleCounterFamily)family).WithLabels(span).SetCumulative(value);
                break;
            case BridgeKind.UpDownCounter:
                ((GaugeFamily)family).WithLabels(span).Add(value);
                break;
            case BridgeKind.Gauge:
                ((GaugeFamily)family).WithLabels(span).Set(value);
                break;
            case BridgeKind.Histogram:
                ((HistogramFamily)family).WithLabels(span).Observe(value);
                break;
        }

        Array.Clear(values, 0, n);
    }

    internal override bool HasSamples => SeriesCount > 0 || HasOverflowed;

    internal override void WriteSamples(ref LineWriter writer)
    {
        foreach (var k in Volatile.Read(ref keySets))
        {
            k.Family.WriteSamples(ref writer);
        }
    }

    private static MetricType TypeOf(BridgeKind kind) => kind switch
    {
        BridgeKind.Counter or BridgeKind.ObservableCounter => MetricType.Counter,
        BridgeKind.Histogram => MetricType.Histogram,
        _ => MetricType.Gauge,
    };

    private static string ToLabelValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        int i => LabelValues.Int32(i),
        long l when l is >= 0 and < 1024 => LabelValues.Int32((int)l),
        short s => LabelValues.Int32(s),
        bool b => LabelValues.Boolean(b),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private MetricFamily FamilyFor(ReadOnlySpan<KeyValuePair<string, object?>> tags, ReadOnlySpan<int> order)
    {
        foreach (var k in Volatile.Read(ref keySets))
        {
            if (k.Matches(tags, order))
            {
                return k.Family;
            }
        }

        lock (gate)
        {
            foreach (var k in keySets)
            {
                if (k.Matches(tags, order))
                {
                    return k.Family;
                }
            }

            var keys = new string[order.Length];
            var labels = new string[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                keys[i] = tags[order[i]].Key;
                labels[i] = PrometheusNaming.LabelName(keys[i]);
            }

            // Two keys that sanitise to one label name (a.b and a_b) would make an invalid family; keep them apart.
            for (var i = 1; i < labels.Length; i++)
            {
                if (Array.IndexOf(labels, labels[i], 0, i) >= 0)
                {
                    labels[i] = labels[i] + "_" + i;
                }
            }

            MetricFamily family = Kind switch
            {
                BridgeKind.Counter or BridgeKind.ObservableCounter => new DoubleCounterFamily(Registry, Name, Help, Unit, labels, SeriesLimit),
                BridgeKind.Histogram => new HistogramFamily(Registry, Name, Help, Unit, labels, buckets!, SeriesLimit),
                _ => new GaugeFamily(Registry, Name, Help, Unit, labels, SeriesLimit),
            };
            Volatile.Write(ref keySets, [.. keySets, new KeySet(keys, family)]);
            return family;
        }
    }

    private sealed class KeySet(string[] keys, MetricFamily family)
    {
        public MetricFamily Family { get; } = family;

        public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags, ReadOnlySpan<int> order)
        {
            if (keys.Length != order.Length)
            {
                return false;
            }

            for (var i = 0; i < keys.Length; i++)
            {
                if (!string.Equals(keys[i], tags[order[i]].Key, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
