using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// A double that many threads add to, stored as its bit pattern; same inflation to per-core stripes as
/// <see cref="StripedInt64"/>.
/// </summary>
internal struct StripedDouble
{
    private long bits;
    private long[]? stripes;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double delta)
    {
        if (stripes is null)
        {
            var current = Volatile.Read(ref bits);
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + delta);
            if (Interlocked.CompareExchange(ref bits, next, current) == current)
            {
                return;
            }
        }

        AddContended(delta);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddContended(double delta)
    {
        var s = stripes;
        if (s is null)
        {
            Interlocked.CompareExchange(ref stripes, Striping.NewStripes(), null);
            s = stripes!;
        }

        AtomicDouble.Add(ref s[Striping.Slot()], delta);
    }

    public readonly double Read()
    {
        var total = BitConverter.Int64BitsToDouble(Volatile.Read(ref Unsafe.AsRef(in bits)));
        var s = stripes;
        if (s is not null)
        {
            for (var i = Striping.Stride; i < s.Length; i += Striping.Stride)
            {
                total += BitConverter.Int64BitsToDouble(Volatile.Read(ref s[i]));
            }
        }

        return total;
    }

    /// <summary>Replaces the total; only for cumulative values bridged from observable instruments (single writer).</summary>
    public void Set(double newValue)
    {
        var s = stripes;
        if (s is not null)
        {
            for (var i = Striping.Stride; i < s.Length; i += Striping.Stride)
            {
                Volatile.Write(ref s[i], 0);
            }
        }

        Volatile.Write(ref bits, BitConverter.DoubleToInt64Bits(newValue));
    }
}
