using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>Atomic arithmetic on a double kept as its bit pattern in a long.</summary>
internal static class AtomicDouble
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref long bits, double delta)
    {
        var current = Volatile.Read(ref bits);
        while (true)
        {
            var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + delta);
            var seen = Interlocked.CompareExchange(ref bits, next, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>One CAS attempt; false when another thread changed the value first (a sign of contention).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryAdd(ref long bits, double delta)
    {
        var current = Volatile.Read(ref bits);
        var next = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(current) + delta);
        return Interlocked.CompareExchange(ref bits, next, current) == current;
    }

    public static double Read(ref long bits) => BitConverter.Int64BitsToDouble(Volatile.Read(ref bits));

    public static void Write(ref long bits, double value) => Volatile.Write(ref bits, BitConverter.DoubleToInt64Bits(value));
}
