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
    private ArrivalOrder? arrival;

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
        Span<int> sorted = n <= 16 ? stackalloc int[16] : new int[n];
        sorted = sorted[..n];
        ReadOnlySpan<int> order = sorted;
        MetricFamily family;
        var known = Volatile.Read(ref arrival);
        if (known is not null && known.Matches(tags))
        {
            // The tag order of a call site never changes: skip sorting and the key-set search.
            order = known.Order;
            family = known.Family;
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                sorted[i] = i;
            }

            // Insertion sort by key: tag order differs between call sites, the series must not.
            for (var i = 1; i < n; i++)
            {
                var current = sorted[i];
                var j = i - 1;
                while (j >= 0 && string.CompareOrdinal(tags[sorted[j]].Key, tags[current].Key) > 0)
                {
                    sorted[j + 1] = sorted[j];
                    j--;
                }

                sorted[j + 1] = current;
            }

            order = sorted;
            family = FamilyFor(tags, order);
            if (known is null)
            {
                // Only the first order is remembered, so call sites alternating orders cannot cause an allocation per measurement.
                var keys = new string[n];
                for (var i = 0; i < n; i++)
                {
                    keys[i] = tags[i].Key;
                }

                Interlocked.CompareExchange(ref arrival, new ArrivalOrder(keys, sorted.ToArray(), family), null);
            }
        }
        var values = valueBuffer is { } buffer && buffer.Length >= n ? buffer : valueBuffer = new string[Math.Max(n, 8)];
        for (var i = 0; i < n; i++)
        {
            values[i] = ToLabelValue(tags[order[i]].Value);
        }

        switch (Kind)
        {
            case BridgeKind.Counter:
                if (value >= 0)
                {
                    Lookup((DoubleCounterFamily)family, values, n).Add(value);
                }

                break;
            case BridgeKind.ObservableCounter:
                Lookup((DoubleCounterFamily)family, values, n).SetCumulative(value);
                break;
            case BridgeKind.UpDownCounter:
                Lookup((GaugeFamily)family, values, n).Add(value);
                break;
            case BridgeKind.Gauge:
                Lookup((GaugeFamily)family, values, n).Set(value);
                break;
            case BridgeKind.Histogram:
                Lookup((HistogramFamily)family, values, n).Observe(value);
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

    /// <summary>Up to three tags use the fixed-arity lookups, whose identity cache hits for the literal tag values instruments pass.</summary>
    private static TCell Lookup<TCell>(MetricFamily<TCell> family, string[] values, int n)
        where TCell : MetricCell => n switch
        {
            0 => family.Unlabelled,
            1 => family.WithLabels(values[0]),
            2 => family.WithLabels(values[0], values[1]),
            3 => family.WithLabels(values[0], values[1], values[2]),
            _ => family.WithLabels(new ReadOnlySpan<string>(values, 0, n)),
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

    private sealed class ArrivalOrder(string[] keys, int[] order, MetricFamily family)
    {
        public int[] Order { get; } = order;

        public MetricFamily Family { get; } = family;

        public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length != keys.Length)
            {
                return false;
            }

            for (var i = 0; i < keys.Length; i++)
            {
                if (!string.Equals(keys[i], tags[i].Key, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
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
