namespace TelemetryContracts.Generator.Model;

/// <summary>One metric: exported name, kind, labels (names, in declared order) and buckets.</summary>
internal sealed record MetricSpec(
    string DeclaredName,
    string FullName,
    string PropertyName,
    string ClassName,
    MetricKind Kind,
    bool IsDouble,
    string Help,
    string Unit,
    EquatableArray<string> Labels,
    EquatableArray<double> Buckets,
    string? Deprecated,
    string PromQl);
