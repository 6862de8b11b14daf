using TelemetryContracts.Contracts;

namespace TelemetryContracts.Lint.Index;

/// <summary>A declared log stream with the values each of its Loki stream labels can take.</summary>
/// <param name="Contract">The declaring contract.</param>
/// <param name="Stream">The stream.</param>
public sealed record DeclaredStream(TelemetryContract Contract, LogStreamDefinition Stream)
{
    /// <summary>Stream label name → its possible values (a fixed value, a referenced closed set), or null when open.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>?> Labels { get; } = Stream.Labels.ToDictionary(
        l => l.Name,
        l => l.FixedValue is { } v ? new[] { v } : l.LabelRef is { } r && Contract.FindLabel(r) is { IsClosed: true } def ? def.ClosedValues : (IReadOnlyList<string>?)null,
        StringComparer.Ordinal);

    /// <summary>The JSON fields of a line (declared fields, level and message fields).</summary>
    public IReadOnlyList<string> Fields { get; } = Stream.Fields.Select(f => f.Name)
        .Append(Stream.LevelField).Append(Stream.MessageField)
        .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Human name, e.g. <c>scanium-backend/backend</c>.</summary>
    public string DisplayName => $"{Contract.Service}/{Stream.Name}";
}
