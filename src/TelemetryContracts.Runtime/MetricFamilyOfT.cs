using System.Runtime.CompilerServices;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>
/// A family whose series are <typeparamref name="TCell"/>s, looked up by label values. Lookups of existing series
/// read a hash table without locks or allocation; only a new series takes the family's lock. Once
/// <see cref="MetricFamily.SeriesLimit"/> series exist, new label sets get the single overflow series (every label
/// set to <see cref="OverflowLabelValue"/>) and are counted in <c>telemetry_contracts_series_overflow_total</c>, so
/// an attacker sending unbounded label values cannot grow memory or the scrape.
/// </summary>
/// <typeparam name="TCell">The cell type.</typeparam>
public abstract class MetricFamily<TCell> : MetricFamily
    where TCell : MetricCell
{
    /// <summary>The value every label of the overflow series has.</summary>
    public const string OverflowLabelValue = "__overflow__";

    private readonly object gate = new();
    private readonly int labelCount;
    private Entry?[] buckets = new Entry?[16];
    private TCell[] items = new TCell[4];
    private int count;
    private TCell? overflow;
    private TCell? unlabelled;
    private CounterCell? overflowCounter;
    private IdentitySlot[]? identity;

    /// <summary>Slots of the identity cache (a power of two); bounded, so stale instances it holds are few.</summary>
    private const int IdentitySlots = 128;

    private protected MetricFamily(MetricRegistry registry, string name, string help, string unit, string[] labelNames, MetricType type, int seriesLimit)
        : base(registry, name, help, unit, labelNames, type, seriesLimit)
    {
        labelCount = labelNames.Length;
    }

    /// <summary>The only series of a family declared without labels.</summary>
    public TCell Unlabelled => unlabelled ?? throw new InvalidOperationException($"Metric '{Name}' declares labels ({string.Join(", ", LabelNamesArray)}); use WithLabels.");

    /// <inheritdoc />
    public override int SeriesCount => Volatile.Read(ref count);

    /// <inheritdoc />
    public override bool HasOverflowed => overflow is not null;

    /// <summary>The series for one label value (the family declares one label).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TCell WithLabels(string value1)
    {
        if (labelCount != 1)
        {
            ThrowArity(1);
        }

        value1 ??= string.Empty;
        var identityHash = RuntimeHelpers.GetHashCode(value1);
        if (FromIdentityCache(identityHash, value1, null, null) is { } cached)
        {
            return cached;
        }

        var hash = LabelHash.Of(value1);
        var table = Volatile.Read(ref buckets);
        for (var e = table[hash & (table.Length - 1)]; e is not null; e = e.Next)
        {
            if (e.Hash == hash && e.Values[0] == value1)
            {
                return Remember(identityHash, value1, null, null, e.Cell);
            }
        }

        return Add(hash, [value1]);
    }

    /// <summary>The series for two label values, in declaration order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TCell WithLabels(string value1, string value2)
    {
        if (labelCount != 2)
        {
            ThrowArity(2);
        }

        value1 ??= string.Empty;
        value2 ??= string.Empty;
        var identityHash = IdentityHash(value1, value2, null);
        if (FromIdentityCache(identityHash, value1, value2, null) is { } cached)
        {
            return cached;
        }

        var hash = LabelHash.Mix(LabelHash.Of(value1), LabelHash.Of(value2));
        var table = Volatile.Read(ref buckets);
        for (var e = table[hash & (table.Length - 1)]; e is not null; e = e.Next)
        {
            var v = e.Values;
            if (e.Hash == hash && v[0] == value1 && v[1] == value2)
            {
                return Remember(identityHash, value1, value2, null, e.Cell);
            }
        }

        return Add(hash, [value1, value2]);
    }

    /// <summary>The series for three label values, in declaration order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TCell WithLabels(string value1, string value2, string value3)
    {
        if (labelCount != 3)
        {
            ThrowArity(3);
        }

        value1 ??= string.Empty;
        value2 ??= string.Empty;
        value3 ??= string.Empty;
        var identityHash = IdentityHash(value1, value2, value3);
        if (FromIdentityCache(identityHash, value1, value2, value3) is { } cached)
        {
            return cached;
        }

        var hash = LabelHash.Mix(LabelHash.Mix(LabelHash.Of(value1), LabelHash.Of(value2)), LabelHash.Of(value3));
        var table = Volatile.Read(ref buckets);
        for (var e = table[hash & (table.Length - 1)]; e is not null; e = e.Next)
        {
            var v = e.Values;
            if (e.Hash == hash && v[0] == value1 && v[1] == value2 && v[2] == value3)
            {
                return Remember(identityHash, value1, value2, value3, e.Cell);
            }
        }

        return Add(hash, [value1, value2, value3]);
    }

    /// <summary>The series for four label values, in declaration order.</summary>
    public TCell WithLabels(string value1, string value2, string value3, string value4)
    {
        ReadOnlySpan<string> values = [value1, value2, value3, value4];
        return WithLabels(values);
    }

    /// <summary>The series for any number of label values, in declaration order (null counts as empty).</summary>
    public TCell WithLabels(params ReadOnlySpan<string> values)
    {
        if (values.Length != labelCount)
        {
            ThrowArity(values.Length);
        }

        if (labelCount == 0)
        {
            return Unlabelled;
        }

        var hash = 0;
        for (var i = 0; i < values.Length; i++)
        {
            hash = i == 0 ? LabelHash.Of(values[0] ?? string.Empty) : LabelHash.Mix(hash, LabelHash.Of(values[i] ?? string.Empty));
        }

        var table = Volatile.Read(ref buckets);
        for (var e = table[hash & (table.Length - 1)]; e is not null; e = e.Next)
        {
            if (e.Hash == hash && SameValues(e.Values, values))
            {
                return e.Cell;
            }
        }

        var copy = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            copy[i] = values[i] ?? string.Empty;
        }

        return Add(hash, copy);
    }

    /// <summary>Calls <paramref name="action"/> for every series (not the overflow one), in creation order.</summary>
    public void ForEachSeries(Action<TCell> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var n = Volatile.Read(ref count);
        var array = Volatile.Read(ref items);
        for (var i = 0; i < n; i++)
        {
            action(array[i]);
        }
    }

    /// <summary>The overflow series, or null while the limit has not been reached.</summary>
    public TCell? OverflowSeries => overflow;

    /// <summary>Creates the cell for a new series; runs under the family's lock.</summary>
    private protected abstract TCell CreateCell(string[] labelValues, byte[] encodedLabels);

    /// <summary>Subclasses call this at the end of their constructor so an unlabelled family exposes its 0 at once.</summary>
    private protected void CreateUnlabelledSeries()
    {
        if (labelCount == 0)
        {
            unlabelled = Add(0, []);
        }
    }

    /// <summary>Writes one sample group per series, then the overflow series.</summary>
    internal override void WriteSamples(ref LineWriter writer)
    {
        var n = Volatile.Read(ref count);
        var array = Volatile.Read(ref items);
        for (var i = 0; i < n; i++)
        {
            WriteCell(ref writer, array[i]);
        }

        if (overflow is { } o)
        {
            WriteCell(ref writer, o);
        }
    }

    private protected abstract void WriteCell(ref LineWriter writer, TCell cell);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IdentityHash(string v1, string? v2, string? v3) =>
        RuntimeHelpers.GetHashCode(v1) ^ (RuntimeHelpers.GetHashCode(v2) * 31) ^ (RuntimeHelpers.GetHashCode(v3) * 1_000_003);

    /// <summary>
    /// The series for exactly these string instances, if a recent lookup used them. Generated code passes literals,
    /// cached ints (<see cref="LabelValues"/>) and route templates, so the same instances come back on every request
    /// and the lookup skips hashing and comparing characters. Slots are guarded by a version (a seqlock): a reader
    /// that overlaps a writer sees an odd or changed version and falls back to the table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TCell? FromIdentityCache(int identityHash, string v1, string? v2, string? v3)
    {
        var slots = identity;
        if (slots is null)
        {
            return null;
        }

        ref var slot = ref slots[identityHash & (IdentitySlots - 1)];
        var version = Volatile.Read(ref slot.Version);
        var cell = Volatile.Read(ref slot.Cell);
        if ((version & 1) != 0
            || !ReferenceEquals(Volatile.Read(ref slot.V1), v1)
            || !ReferenceEquals(Volatile.Read(ref slot.V2), v2)
            || !ReferenceEquals(Volatile.Read(ref slot.V3), v3)
            || Volatile.Read(ref slot.Version) != version)
        {
            return null;
        }

        return cell;
    }

    private TCell Remember(int identityHash, string v1, string? v2, string? v3, TCell cell)
    {
        var slots = identity ?? InitIdentity();
        ref var slot = ref slots[identityHash & (IdentitySlots - 1)];
        var version = Volatile.Read(ref slot.Version);
        if ((version & 1) == 0 && Interlocked.CompareExchange(ref slot.Version, version + 1, version) == version)
        {
            slot.V1 = v1;
            slot.V2 = v2;
            slot.V3 = v3;
            slot.Cell = cell;
            Volatile.Write(ref slot.Version, version + 2);
        }

        return cell;
    }

    private IdentitySlot[] InitIdentity()
    {
        Interlocked.CompareExchange(ref identity, new IdentitySlot[IdentitySlots], null);
        return identity!;
    }

    private static bool SameValues(string[] stored, ReadOnlySpan<string> values)
    {
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] != (values[i] ?? string.Empty))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TCell Add(int hash, string[] values)
    {
        lock (gate)
        {
            var table = buckets;
            for (var e = table[hash & (table.Length - 1)]; e is not null; e = e.Next)
            {
                if (e.Hash == hash && SameValues(e.Values, values))
                {
                    return e.Cell;
                }
            }

            if (count >= SeriesLimit)
            {
                return Overflow();
            }

            var cell = CreateCell(values, ExpositionText.EncodeLabels(LabelNamesArray, values));
            if (count == items.Length)
            {
                var grown = new TCell[items.Length * 2];
                Array.Copy(items, grown, count);
                Volatile.Write(ref items, grown);
            }

            items[count] = cell;
            if (count + 1 > table.Length)
            {
                table = Rehash(table, table.Length * 2);
            }

            var slot = hash & (table.Length - 1);
            Volatile.Write(ref table[slot], new Entry(hash, values, cell, table[slot]));
            Volatile.Write(ref buckets, table);

            // Published last: a scrape reading count sees an items array holding that many cells.
            Volatile.Write(ref count, count + 1);
            return cell;
        }
    }

    private static Entry?[] Rehash(Entry?[] table, int size)
    {
        // Builds fresh entries so readers walking the old chains are never disturbed.
        var fresh = new Entry?[size];
        foreach (var head in table)
        {
            for (var e = head; e is not null; e = e.Next)
            {
                var slot = e.Hash & (size - 1);
                fresh[slot] = new Entry(e.Hash, e.Values, e.Cell, fresh[slot]);
            }
        }

        return fresh;
    }

    private TCell Overflow()
    {
        overflowCounter ??= Registry.OverflowCounterFor(this);
        overflowCounter?.Inc();
        if (overflow is null)
        {
            var values = new string[labelCount];
            Array.Fill(values, OverflowLabelValue);
            overflow = CreateCell(values, ExpositionText.EncodeLabels(LabelNamesArray, values));
        }

        return overflow;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowArity(int given) =>
        throw new ArgumentException($"Metric '{Name}' declares {labelCount} label(s) ({string.Join(", ", LabelNamesArray)}) but {given} value(s) were given.");

    private struct IdentitySlot
    {
        public int Version;
        public string? V1;
        public string? V2;
        public string? V3;
        public TCell? Cell;
    }

    private sealed class Entry(int hash, string[] values, TCell cell, Entry? next)
    {
        public readonly int Hash = hash;
        public readonly string[] Values = values;
        public readonly TCell Cell = cell;
        public readonly Entry? Next = next;
    }
}
