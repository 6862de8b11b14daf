namespace TelemetryContracts.Dashboards.Json;

/// <summary>The kind of a <see cref="PositionedJson"/> node.</summary>
public enum JsonNodeKind
{
    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number (kept as its source text).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary><c>null</c>.</summary>
    Null,
}
