namespace TelemetryContracts.Generator.Model;

/// <summary>One log stream: its typed logger, stream labels, allowed levels and fields.</summary>
internal sealed record LogStreamSpec(
    string Name,
    string ClassName,
    string PropertyName,
    string? Description,
    EquatableArray<StreamLabelSpec> StreamLabels,
    EquatableArray<LogLevelSpec> Levels,
    string LevelField,
    string MessageField,
    EquatableArray<LogFieldSpec> Fields);
