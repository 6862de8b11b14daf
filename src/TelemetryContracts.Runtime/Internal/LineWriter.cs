using System.Buffers;
using System.Runtime.CompilerServices;

namespace TelemetryContracts.Runtime.Internal;

/// <summary>
/// Writes many short lines into large spans of an <see cref="IBufferWriter{T}"/>, advancing once per chunk instead of
/// once per line (GetSpan/Advance per line was a measurable share of the per-line scrape cost).
/// </summary>
internal ref struct LineWriter
{
    private const int ChunkSize = 16 * 1024;
    private readonly IBufferWriter<byte> writer;
    private Span<byte> span;
    private int used;

    public LineWriter(IBufferWriter<byte> writer)
    {
        this.writer = writer;
        span = default;
        used = 0;
    }

    /// <summary>A span of at least <paramref name="size"/> bytes; call <see cref="Commit"/> with what was written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int size)
    {
        if (span.Length - used < size)
        {
            Grow(size);
        }

        return span[used..];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Commit(int written) => used += written;

    /// <summary>Advances the underlying writer past everything written; call before anyone else writes to it.</summary>
    public void Flush()
    {
        if (used > 0)
        {
            writer.Advance(used);
        }

        used = 0;
        span = default;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int size)
    {
        Flush();
        span = writer.GetSpan(Math.Max(size, ChunkSize));
    }
}
