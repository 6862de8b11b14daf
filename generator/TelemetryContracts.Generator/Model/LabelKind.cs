namespace TelemetryContracts.Generator.Model;

/// <summary>How a label is passed: an enum (closed set), a bool, an int, or a free string.</summary>
internal enum LabelKind
{
    Enum,
    Bool,
    Int,
    String,
}
