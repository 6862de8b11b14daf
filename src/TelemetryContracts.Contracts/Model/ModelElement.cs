using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts;

/// <summary>
/// Base of every model element: where it was declared. <see cref="Node"/> is the document node it was
/// bound from, so rules can point at any of its keys; it is excluded from equality.
/// </summary>
public abstract record ModelElement
{
    /// <summary>The span of the element's name (the key that declares it), or of the node itself.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The document node the element was bound from (null for elements built in code).</summary>
    public ContractNode? Node { get; init; }

    /// <summary>The span of one of this element's keys' values, or the element's own span when absent.</summary>
    public SourceSpan SpanOf(string key) => (Node as MappingNode)?.Find(key)?.Value.Span ?? Span;

    /// <summary>The span of one of this element's keys (the key itself), or the element's own span.</summary>
    public SourceSpan KeySpanOf(string key) => (Node as MappingNode)?.Find(key)?.Key.Span ?? Span;

    /// <summary>Positions are where, not what: two elements with the same content are equal.</summary>
    public virtual bool Equals(ModelElement? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <inheritdoc />
    public override int GetHashCode() => EqualityContract.GetHashCode();
}
