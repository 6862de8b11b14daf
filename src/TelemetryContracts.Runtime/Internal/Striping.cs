using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// Shared sizing for per-core stripes. A stripe is 16 longs (128 bytes) apart so that two cores never write the same
/// cache line, nor the adjacent line the spatial prefetcher pairs with it.
/// </summary>
internal static class Striping
{
    /// <summary>Distance in longs between two stripes.</summary>
    public const int Stride = 16;

    /// <summary>
    /// Number of stripes: twice the processor count rounded up to a power of two, at least 8, at most 128. More stripes
    /// than cores, because threads (not cores) pick them: two threads running at once rarely share one.
    /// </summary>
    public static readonly int Count = RoundUp(Math.Clamp(Environment.ProcessorCount * 2, 8, 128));

    [ThreadStatic]
    private static int slot;

    private static int nextSlot;

    /// <summary>Mask applied to the processor id.</summary>
    public static readonly int Mask = Count - 1;

    /// <summary>
    /// Index (in longs) of the calling thread's stripe; slot 0 is left empty so no stripe shares the array header's
    /// line. Threads are dealt stripes round-robin on first use: Thread.GetCurrentProcessorId measured ~1x an
    /// Interlocked.Increment on this class of VM (no RDPID), a thread-static read costs a fraction of that.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot()
    {
        var s = slot;
        return s != 0 ? s : AssignSlot();
    }

    /// <summary>The calling thread's stripe number (0-based).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index() => (Slot() / Stride) - 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AssignSlot() => slot = ((Interlocked.Increment(ref nextSlot) & Mask) + 1) * Stride;

    /// <summary>Allocates a striped array of longs.</summary>
    public static long[] NewStripes() => new long[(Count + 1) * Stride];

    private static int RoundUp(int n)
    {
        var p = 1;
        while (p < n)
        {
            p <<= 1;
        }

        return p;
    }
}
