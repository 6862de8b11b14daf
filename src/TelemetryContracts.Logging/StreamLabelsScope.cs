namespace TelemetryContracts.Logging;

/// <summary>
/// A logging scope carrying stream labels for every event logged inside it
/// (<c>using (logger.BeginScope(new StreamLabelsScope([new("tenant_tier", "gold")]))) …</c>).
/// Other scopes' key/value pairs become fields.
/// </summary>
public sealed class StreamLabelsScope(IReadOnlyList<KeyValuePair<string, string>> labels)
{
    /// <summary>The labels.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels ?? [];

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Labels.Select(l => l.Key + "=" + l.Value));
}
