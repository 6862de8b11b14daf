namespace TelemetryContracts.Generator.Model;

/// <summary>
/// A stream label: a fixed value, or a reference to a label whose value the logger is given once. A referenced stream
/// label named like the stream's level field (<c>level: $level</c>) carries each entry's own level instead.
/// </summary>
internal sealed record StreamLabelSpec(string Name, string? FixedValue, string? LabelRef, bool CarriesLevel)
{
    /// <summary>Whether the logger's constructor (and the registration helper) takes this label's value.</summary>
    public bool IsConstructorParameter => LabelRef is not null && !CarriesLevel;
}
