namespace TelemetryContracts.Exposition;

/// <summary>One label pair of a sample or exemplar; both strings are unescaped.</summary>
/// <param name="Name">The label name.</param>
/// <param name="Value">The label value.</param>
public readonly record struct Label(string Name, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}=\"{Value}\"";
}
