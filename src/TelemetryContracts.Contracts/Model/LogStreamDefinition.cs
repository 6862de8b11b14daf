namespace TelemetryContracts.Contracts;

/// <summary>A Loki log stream the service writes: its stream labels, levels and JSON fields.</summary>
public sealed record LogStreamDefinition : ModelElement
{
    /// <summary>The stream's name in the contract (also names the generated logger).</summary>
    public string Name { get; init; } = "";

    /// <summary>The Loki stream labels in declared order.</summary>
    public IReadOnlyList<StreamLabel> Labels { get; init; } = Array.Empty<StreamLabel>();

    /// <summary>The levels the service writes, in declared order (e.g. DEBUG, INFO, WARN, ERROR).</summary>
    public IReadOnlyList<string> Levels { get; init; } = Array.Empty<string>();

    /// <summary>The JSON key holding the level (<c>level</c> by default).</summary>
    public string LevelField { get; init; } = "level";

    /// <summary>The JSON key holding the message (<c>msg</c> by default).</summary>
    public string MessageField { get; init; } = "msg";

    /// <summary>The JSON fields the service writes besides level and message.</summary>
    public IReadOnlyList<LogField> Fields { get; init; } = Array.Empty<LogField>();

    /// <summary>What the stream carries.</summary>
    public string? Description { get; init; }
}
