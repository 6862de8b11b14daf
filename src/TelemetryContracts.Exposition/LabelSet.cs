using System.Collections;
using System.Text;

namespace TelemetryContracts.Exposition;

/// <summary>
/// The labels of one sample or exemplar, in exposition order. A view into a block shared by many samples, so reading
/// 100k series does not allocate 100k small arrays (and the garbage collector has 100k fewer objects to trace).
/// </summary>
public readonly struct LabelSet : IReadOnlyList<Label>, IEquatable<LabelSet>
{
    private readonly Label[]? block;
    private readonly int offset;

    internal LabelSet(Label[] block, int offset, int count)
    {
        this.block = block;
        this.offset = offset;
        Count = count;
    }

    /// <summary>An empty label set.</summary>
    public static LabelSet Empty => default;

    /// <summary>The number of labels.</summary>
    public int Count { get; }

    /// <summary>The label at <paramref name="index"/>.</summary>
    public Label this[int index] => (uint)index < (uint)Count ? block![offset + index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Creates a label set from <paramref name="labels"/> (copies them).</summary>
    public static LabelSet Create(params Label[] labels) => labels.Length == 0 ? default : new LabelSet((Label[])labels.Clone(), 0, labels.Length);

    /// <summary>The labels as a span.</summary>
    public ReadOnlySpan<Label> AsSpan() => block is null ? default : new ReadOnlySpan<Label>(block, offset, Count);

    /// <summary>The value of label <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var l in AsSpan())
        {
            if (l.Name == name)
            {
                return l.Value;
            }
        }

        return null;
    }

    /// <summary>A struct enumerator.</summary>
    public ReadOnlySpan<Label>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<Label> IEnumerable<Label>.GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return block![offset + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Label>)this).GetEnumerator();

    /// <inheritdoc />
    public bool Equals(LabelSet other) => AsSpan().SequenceEqual(other.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LabelSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var l in AsSpan())
        {
            h.Add(l);
        }

        return h.ToHashCode();
    }

    /// <summary>Equality by content.</summary>
    public static bool operator ==(LabelSet left, LabelSet right) => left.Equals(right);

    /// <summary>Inequality by content.</summary>
    public static bool operator !=(LabelSet left, LabelSet right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder("{");
        foreach (var l in AsSpan())
        {
            if (sb.Length > 1)
            {
                sb.Append(',');
            }

            sb.Append(l.ToString());
        }

        return sb.Append('}').ToString();
    }
}
