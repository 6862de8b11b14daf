using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// A long that many threads add to. It starts as one field updated with a single <c>lock xadd</c>, which is the floor
/// for an uncontended series. Every 64th unit it samples which thread is writing; a series that turns out to be hot
/// and shared (writers alternating at more than ~4 million adds per second) inflates to per-thread stripes, so it
/// stops bouncing one cache line between cores. The LongAdder idea from java.util.concurrent, with a detector that
/// costs three ALU instructions on the fast path instead of a compare-and-swap that can fail.
/// </summary>
internal struct StripedInt64
{
    /// <summary>Sample the writer once per this many units added (a power of two).</summary>
    private const int SampleShift = 6;

    /// <summary>Samples per detection window: 64 samples = 4,096 units.</summary>
    private const int SamplesPerWindow = 64;

    /// <summary>Inflate when at least this many samples of a window saw a different writer than the sample before.</summary>
    private const int SwitchesToInflate = 8;

    /// <summary>... and the window's 4,096 units took less than this (1 ms: above ~4 million adds per second).</summary>
    private static readonly long HotWindowTicks = Stopwatch.Frequency / 1000;

    private long value;
    private long[]? stripes;
    private uint lastWriter;
    private int samples;
    private int switches;
    private long windowStart;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long delta)
    {
        var s = stripes;
        if (s is null)
        {
            var total = Interlocked.Add(ref value, delta);
            // Old and new total differ above bit 5 exactly when the add crossed a multiple of 64.
            if ((ulong)(total ^ (total - delta)) >= 1UL << SampleShift)
            {
                Sample();
            }
        }
        else
        {
            AddStriped(s, delta);
        }
    }

    /// <summary>Out of line so the fast path needs no stack frame for the stripe choice's stack local.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddStriped(long[] stripes, long delta) => Interlocked.Add(ref stripes[Striping.Slot()], delta);

    /// <summary>
    /// Runs for one add in 64. The fields it touches are plain and racy on purpose: a lost update only delays or
    /// hastens inflation, which is safe either way, since stripes change where adds go, not what the total is.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Sample()
    {
        var writer = Striping.ThreadTag();
        if (writer != lastWriter)
        {
            lastWriter = writer;
            switches++;
        }

        if (++samples < SamplesPerWindow)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var hot = switches >= SwitchesToInflate && windowStart != 0 && now - windowStart < HotWindowTicks;
        samples = 0;
        switches = 0;
        windowStart = now;
        if (hot)
        {
            Interlocked.CompareExchange(ref stripes, Striping.NewStripes(), null);
        }
    }

    /// <summary>Whether adds go to stripes (for tests).</summary>
    internal readonly bool IsStriped => Volatile.Read(ref Unsafe.AsRef(in stripes)) is not null;

    /// <summary>The total; each part is read atomically, so a reader sees every completed add.</summary>
    public readonly long Read()
    {
        var total = Volatile.Read(ref Unsafe.AsRef(in value));
        var s = Volatile.Read(ref Unsafe.AsRef(in stripes));
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
