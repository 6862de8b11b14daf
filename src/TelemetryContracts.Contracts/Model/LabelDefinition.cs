namespace TelemetryContracts.Contracts;

/// <summary>
/// A label shared by metrics and log streams: its type, and either a closed set of values (which the
/// generated API turns into an enum) or an open set bounded by <see cref="MaxValues"/>.
/// </summary>
public sealed record LabelDefinition : ModelElement
{
    /// <summary>The label name as exported.</summary>
    public string Name { get; init; } = "";

    /// <summary>string, int or bool.</summary>
    public LabelType Type { get; init; }

    /// <summary>The closed set of values in declared order, or null for an open set.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The bound on distinct values of an open set (the runtime's per-metric series cap uses it).</summary>
    public int? MaxValues { get; init; }

    /// <summary>What the label means.</summary>
    public string? Description { get; init; }

    /// <summary>True when the values are known in advance (declared, or a bool).</summary>
    public bool IsClosed => Values is not null || Type == LabelType.Bool;

    /// <summary>The values of a closed set (bool labels: <c>false</c>, <c>true</c>); empty for an open set.</summary>
    public IReadOnlyList<string> ClosedValues => Values ?? (Type == LabelType.Bool ? BoolValues : Array.Empty<string>());

    private static readonly string[] BoolValues = { "false", "true" };
}
