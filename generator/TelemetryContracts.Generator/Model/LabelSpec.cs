namespace TelemetryContracts.Generator.Model;

/// <summary>A label as the generated API sees it: its wire name, C# type and, for closed sets, the enum.</summary>
internal sealed record LabelSpec(
    string Name,
    LabelKind Kind,
    string ParameterName,
    string? EnumName,
    EquatableArray<EnumMemberSpec> Members,
    string? Description);
