namespace TelemetryContracts.Contracts;

/// <summary>A field of the JSON log line (what a dashboard extracts with <c>| json</c>).</summary>
public sealed record LogField : ModelElement
{
    /// <summary>The JSON key.</summary>
    public string Name { get; init; } = "";

    /// <summary>A label definition whose type and values the field shares, when it does.</summary>
    public string? LabelRef { get; init; }

    /// <summary>What the field holds.</summary>
    public string? Description { get; init; }
}
