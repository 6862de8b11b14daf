using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>One formatted log event: its JSON text (no trailing line feed), level, stream labels and timestamp.</summary>
/// <param name="Timestamp">When the event was logged.</param>
/// <param name="Level">The event's level.</param>
/// <param name="Json">The JSON object, one line.</param>
/// <param name="StreamLabels">
/// Stream labels, sorted by name: the provider-wide ones (a generated typed logger's entry: its stream's instead), then
/// scope and event labels, later ones win.
/// </param>
public sealed record LogLine(DateTimeOffset Timestamp, LogLevel Level, string Json, IReadOnlyList<KeyValuePair<string, string>> StreamLabels)
{
    /// <summary>
    /// The level as the line's contract spells it (e.g. <c>warn</c>), which the Loki push client uses for its level
    /// label; null when the line follows <see cref="LogStreamShape.Default"/> (the client then sends the lower-case name).
    /// </summary>
    public string? LevelText { get; init; }
}
