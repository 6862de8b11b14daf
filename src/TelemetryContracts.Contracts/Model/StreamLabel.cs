namespace TelemetryContracts.Contracts;

/// <summary>
/// A Loki stream label: either a fixed value (<c>source: scanium-backend</c>) or a reference to a closed
/// label set (<c>env: $env</c>), so its cardinality is known.
/// </summary>
public sealed record StreamLabel : ModelElement
{
    /// <summary>The Loki label name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The fixed value, when the label has one.</summary>
    public string? FixedValue { get; init; }

    /// <summary>The name of the referenced label definition (without <c>$</c>), when the value is a reference.</summary>
    public string? LabelRef { get; init; }
}
