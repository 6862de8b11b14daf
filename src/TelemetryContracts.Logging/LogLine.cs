using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>One formatted log event: its JSON text (no trailing line feed), level, stream labels and timestamp.</summary>
/// <param name="Timestamp">When the event was logged.</param>
/// <param name="Level">The event's level.</param>
/// <param name="Json">The JSON object, one line.</param>
/// <param name="StreamLabels">Stream labels (provider-wide, scope and event labels, later ones win), sorted by name.</param>
public sealed record LogLine(DateTimeOffset Timestamp, LogLevel Level, string Json, IReadOnlyList<KeyValuePair<string, string>> StreamLabels);
