using System.Runtime.CompilerServices;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>
/// A distribution of observed values in fixed buckets (Prometheus histogram: cumulative <c>_bucket{le}</c>,
/// <c>_sum</c>, <c>_count</c>). Buckets are stored non-cumulative and <c>_count</c> is derived from them at scrape
/// time, so a scrape can never show a <c>_count</c> that differs from the <c>+Inf</c> bucket.
/// </summary>
public sealed class HistogramCell : MetricCell
{
    private readonly double[] bounds;
    private readonly int sumIndex;
    private readonly int block;
    private readonly long[] primary;
    private long[]? stripes;

    internal HistogramCell(HistogramFamily family, string[] labelValues, byte[] encodedLabels)
        : base(family, labelValues, encodedLabels)
    {
        bounds = family.BoundsArray;
        sumIndex = bounds.Length + 1;
        block = (sumIndex + 1 + Striping.Stride - 1) / Striping.Stride * Striping.Stride;
        primary = new long[sumIndex + 1];
    }

    /// <summary>Records one observation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(double value)
    {
        var b = bounds;
        int i;
        if (b.Length <= 16)
        {
            // Written so that NaN falls through every comparison and lands in +Inf, as in client_golang.
            i = 0;
            while (i < b.Length && !(value <= b[i]))
            {
                i++;
            }
        }
        else
        {
            i = Search(b, value);
        }

        var s = stripes;
        if (s is null)
        {
            var p = primary;
            Interlocked.Increment(ref p[i]);
            if (!AtomicDouble.TryAdd(ref p[sumIndex], value))
            {
                AddContended(value);
            }
        }
        else
        {
            var offset = (Striping.Index() + 1) * block;
            Interlocked.Increment(ref s[offset + i]);
            AtomicDouble.Add(ref s[offset + sumIndex], value);
        }

        var listener = ((HistogramFamily)Family).Instrument;
        if (listener is not null && listener.Enabled)
        {
            listener.Record(value, Tags);
        }
    }

    /// <summary>Records the seconds elapsed since <paramref name="startTimestamp"/> (from <see cref="System.Diagnostics.Stopwatch.GetTimestamp()"/>).</summary>
    public void ObserveElapsedSeconds(long startTimestamp) =>
        Observe(System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    /// <summary>Total number of observations (the value of <c>_count</c>).</summary>
    public long Count
    {
        get
        {
            Span<long> counts = stackalloc long[bounds.Length + 1];
            Read(counts, out _);
            var total = 0L;
            foreach (var c in counts)
            {
                total += c;
            }

            return total;
        }
    }

    /// <summary>Sum of all observations (the value of <c>_sum</c>).</summary>
    public double Sum
    {
        get
        {
            Span<long> counts = stackalloc long[bounds.Length + 1];
            Read(counts, out var sum);
            return sum;
        }
    }

    /// <summary>Fills <paramref name="counts"/> (length = bucket count + 1, last is +Inf) with non-cumulative counts.</summary>
    internal void Read(Span<long> counts, out double sum)
    {
        var p = primary;
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Volatile.Read(ref p[i]);
        }

        sum = AtomicDouble.Read(ref p[sumIndex]);
        var s = stripes;
        if (s is null)
        {
            return;
        }

        for (var offset = block; offset + block <= s.Length; offset += block)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += Volatile.Read(ref s[offset + i]);
            }

            sum += AtomicDouble.Read(ref s[offset + sumIndex]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddContended(double value)
    {
        AtomicDouble.Add(ref primary[sumIndex], value);
        if (stripes is null)
        {
            Interlocked.CompareExchange(ref stripes, new long[(Striping.Count + 1) * block], null);
        }
    }

    private static int Search(double[] b, double value)
    {
        if (double.IsNaN(value))
        {
            return b.Length;
        }

        int lo = 0, hi = b.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value <= b[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
