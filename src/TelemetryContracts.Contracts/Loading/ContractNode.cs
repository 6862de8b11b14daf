using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Loading;

/// <summary>The kind of a node in a contract document.</summary>
public enum NodeKind
{
    /// <summary>A string, number, boolean or null.</summary>
    Scalar,
    /// <summary>A list.</summary>
    Sequence,
    /// <summary>A map of keys to nodes, in document order.</summary>
    Mapping,
}

/// <summary>
/// A node of a contract document as written (YAML or JSON), with its source span. The typed model is
/// bound from this tree, so every model element can point back at the text it came from.
/// </summary>
public abstract class ContractNode
{
    private protected ContractNode(SourceSpan span) => Span = span;

    /// <summary>Where the node is in the file.</summary>
    public SourceSpan Span { get; }

    /// <summary>Scalar, sequence or mapping.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>Number of nodes in this subtree (used to bound alias expansion).</summary>
    public abstract int Size { get; }

    /// <summary>A word for messages: "a string", "a list", "a map".</summary>
    public string Describe() => Kind switch
    {
        NodeKind.Scalar when ((ScalarNode)this).IsNull => "null",
        NodeKind.Scalar => "a scalar",
        NodeKind.Sequence => "a list",
        _ => "a map",
    };
}

/// <summary>A scalar value: always kept as its text, typed by the binder.</summary>
public sealed class ScalarNode : ContractNode
{
    /// <summary>Creates a scalar.</summary>
    public ScalarNode(string value, bool isQuoted, SourceSpan span) : base(span)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    /// <summary>The text of the value (unquoted, unescaped).</summary>
    public string Value { get; }

    /// <summary>True when written with quotes (then <c>null</c>, <c>true</c>, <c>1</c> stay strings).</summary>
    public bool IsQuoted { get; }

    /// <summary>True for an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => !IsQuoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Scalar;

    /// <inheritdoc />
    public override int Size => 1;

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A list of nodes.</summary>
public sealed class SequenceNode : ContractNode
{
    private readonly int size;

    /// <summary>Creates a sequence.</summary>
    public SequenceNode(IReadOnlyList<ContractNode> items, SourceSpan span) : base(span)
    {
        Items = items;
        size = 1;
        foreach (var i in items)
        {
            size += i.Size;
        }
    }

    /// <summary>The items in document order.</summary>
    public IReadOnlyList<ContractNode> Items { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Sequence;

    /// <inheritdoc />
    public override int Size => size;
}

/// <summary>A key and its value inside a mapping.</summary>
public sealed class MappingEntry
{
    /// <summary>Creates an entry.</summary>
    public MappingEntry(ScalarNode key, ContractNode value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key as written.</summary>
    public ScalarNode Key { get; }

    /// <summary>The value.</summary>
    public ContractNode Value { get; }

    /// <summary>The key text.</summary>
    public string Name => Key.Value;
}

/// <summary>A map of scalar keys to nodes, in document order. Duplicate keys are reported when read; the first wins.</summary>
public sealed class MappingNode : ContractNode
{
    private readonly int size;

    /// <summary>Creates a mapping.</summary>
    public MappingNode(IReadOnlyList<MappingEntry> entries, SourceSpan span) : base(span)
    {
        Entries = entries;
        size = 1;
        foreach (var e in entries)
        {
            size += 1 + e.Value.Size;
        }
    }

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<MappingEntry> Entries { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Mapping;

    /// <inheritdoc />
    public override int Size => size;

    /// <summary>The entry with the given key, or null.</summary>
    public MappingEntry? Find(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Name == key)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The value for a key, or null.</summary>
    public ContractNode? this[string key] => Find(key)?.Value;
}
