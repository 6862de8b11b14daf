namespace TelemetryContracts.Contracts;

/// <summary>The type of a label's values in the generated API (on the wire every value is a string).</summary>
public enum LabelType
{
    /// <summary>Any string, or one of a closed set of strings.</summary>
    String,
    /// <summary>A whole number such as an HTTP status code.</summary>
    Int,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
}
