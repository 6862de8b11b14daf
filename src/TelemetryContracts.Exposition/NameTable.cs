using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace TelemetryContracts.Exposition;

/// <summary>
/// Interns UTF-8 byte spans as strings, so the same metric name, label name or common label value read on every line
/// (and on every scrape, when the parser instance is reused) costs one string. Bounded: once full it stops adding and
/// simply decodes, so high-cardinality label values cannot grow it without limit.
/// </summary>
internal sealed class NameTable
{
    private readonly int maxEntries;
    private Entry[] entries;
    private int count;

    public NameTable(int maxEntries, int initialCapacity = 1024)
    {
        this.maxEntries = maxEntries;
        entries = new Entry[initialCapacity];
    }

    public int Count => count;

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return string.Empty;
        }

        var hash = Hash(utf8);
        var mask = entries.Length - 1;
        var i = (int)hash & mask;
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Key is null)
            {
                break;
            }

            if (e.Hash == hash && utf8.SequenceEqual(e.Key))
            {
                return e.Value!;
            }

            i = (i + 1) & mask;
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (count >= maxEntries)
        {
            return value;
        }

        entries[i] = new Entry { Hash = hash, Key = utf8.ToArray(), Value = value };
        count++;
        if (count * 2 > entries.Length)
        {
            Grow();
        }

        return value;
    }

    private void Grow()
    {
        var old = entries;
        entries = new Entry[old.Length * 2];
        var mask = entries.Length - 1;
        foreach (var e in old)
        {
            if (e.Key is null)
            {
                continue;
            }

            var i = (int)e.Hash & mask;
            while (entries[i].Key is not null)
            {
                i = (i + 1) & mask;
            }

            entries[i] = e;
        }
    }

    // A multiply-rotate hash over 8-byte words: names are short ASCII, so this beats byte-at-a-time FNV by a wide margin.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(ReadOnlySpan<byte> data)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)data.Length;
        while (data.Length >= 8)
        {
            h = (BitOperations.RotateLeft(h ^ BinaryPrimitives.ReadUInt64LittleEndian(data), 29) * 0xBF58476D1CE4E5B9UL);
            data = data[8..];
        }

        ulong tail = 0;
        for (var k = 0; k < data.Length; k++)
        {
            tail |= (ulong)data[k] << (8 * k);
        }

        h = BitOperations.RotateLeft(h ^ tail, 29) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (uint)h ^ (uint)(h >> 32);
    }

    private struct Entry
    {
        public uint Hash;
        public byte[]? Key;
        public string? Value;
    }
}
