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

    /// <summary>Number of stripes: the processor count rounded up to a power of two, capped at 64.</summary>
    public static readonly int Count = RoundUp(Math.Clamp(Environment.ProcessorCount, 1, 64));

    /// <summary>Mask applied to the processor id.</summary>
    public static readonly int Mask = Count - 1;

    /// <summary>Index (in longs) of the calling core's stripe; slot 0 is left empty so no stripe shares the array header's line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot() => ((Thread.GetCurrentProcessorId() & Mask) + 1) * Stride;

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
