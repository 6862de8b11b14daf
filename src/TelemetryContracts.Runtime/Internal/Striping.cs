using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// Shared sizing for per-thread stripes. A stripe is 16 longs (128 bytes) apart so that two cores never write the same
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

    /// <summary>Mask that maps a hash onto <see cref="Count"/> stripes.</summary>
    private static readonly uint Mask = (uint)Count - 1;

    /// <summary>Index (in longs) of the calling thread's stripe; slot 0 is left empty so no stripe shares the array header's line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot() => (Index() + 1) * Stride;

    /// <summary>The calling thread's stripe number (0-based).</summary>
    /// <remarks>
    /// The stripe is chosen from the address of a stack local. Thread stacks are separate mappings at least 1.5 MiB
    /// apart, and one thread's calls rarely span 64 KiB, so address bits 16 and up name the thread; MurmurHash3's
    /// finaliser spreads them over the stripes (stacks sit at regular 8 MiB steps, which a bare multiply maps onto
    /// neighbouring stripes). Measured on this machine class (Linux x64 VM), a thread-static read is a call into
    /// the TLS resolver costing several times an <c>Interlocked.Increment</c>, and <c>Thread.GetCurrentProcessorId</c>
    /// about as much; the address costs one <c>lea</c>. Any stripe is correct (every add is atomic); this only decides
    /// how rarely two running threads share one.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index()
    {
        var hash = ThreadTag();
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return (int)(hash & Mask);
    }

    /// <summary>
    /// A number that differs between threads running at the same time: the calling frame's address in 64 KiB units
    /// (see <see cref="Index"/>). Unlike the stripe, two threads never share it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe uint ThreadTag()
    {
        byte marker;
        return (uint)((ulong)&marker >> 16);
    }

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
