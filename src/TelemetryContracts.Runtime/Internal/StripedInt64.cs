using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// A long that many threads add to. It starts as one field updated with compare-and-swap; the first failed CAS
/// (another core won the race) inflates it to per-core stripes, so an uncontended series costs one field and one
/// atomic, and a hot series stops bouncing one cache line between cores (the LongAdder idea from java.util.concurrent).
/// </summary>
internal struct StripedInt64
{
    private long value;
    private long[]? stripes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long delta)
    {
        var s = stripes;
        if (s is null)
        {
            var current = Volatile.Read(ref value);
            if (Interlocked.CompareExchange(ref value, current + delta, current) != current)
            {
                AddContended(delta);
            }
        }
        else
        {
            Interlocked.Add(ref s[Striping.Slot()], delta);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddContended(long delta)
    {
        var s = stripes;
        if (s is null)
        {
            Interlocked.CompareExchange(ref stripes, Striping.NewStripes(), null);
            s = stripes!;
        }

        Interlocked.Add(ref s[Striping.Slot()], delta);
    }

    /// <summary>The total; each part is read atomically, so a reader sees every completed add.</summary>
    public readonly long Read()
    {
        var total = Volatile.Read(ref Unsafe.AsRef(in value));
        var s = stripes;
        if (s is not null)
        {
            for (var i = Striping.Stride; i < s.Length; i += Striping.Stride)
            {
                total += Volatile.Read(ref s[i]);
            }
        }

        return total;
    }

    /// <summary>Replaces the total; only for cumulative values bridged from observable instruments (single writer).</summary>
    public void Set(long newValue)
    {
        var s = stripes;
        if (s is not null)
        {
            for (var i = Striping.Stride; i < s.Length; i += Striping.Stride)
            {
                Volatile.Write(ref s[i], 0);
            }
        }

        Volatile.Write(ref value, newValue);
    }
}
