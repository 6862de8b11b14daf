using System.Collections;

namespace TelemetryContracts.Exposition;

/// <summary>
/// An append-only list stored in fixed-size chunks: growing never copies, so a family with 60k samples costs its
/// samples once instead of the ~2x that a doubling <see cref="List{T}"/> allocates on the way.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T>
{
    private const int ChunkSize = 1024;
    private readonly List<T[]> chunks = new();
    private T[] current = Array.Empty<T>();
    private int used;

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return chunks[index / ChunkSize][index % ChunkSize];
        }
    }

    public void Add(in T item)
    {
        if (used == current.Length)
        {
            // Start small: most families have a handful of samples.
            if (current.Length > 0 && current.Length < ChunkSize)
            {
                Array.Resize(ref current, Math.Min(current.Length * 4, ChunkSize));
                chunks[^1] = current;
            }
            else
            {
                current = new T[chunks.Count == 0 ? 4 : ChunkSize];
                chunks.Add(current);
                used = 0;
            }
        }

        current[used++] = item;
        Count++;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return chunks[i / ChunkSize][i % ChunkSize];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
