using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>Options of the JSON-lines logger.</summary>
public sealed class JsonLinesLoggerOptions
{
    /// <summary>Stream labels on every line, e.g. <c>source=scanium-backend</c>, <c>env=prod</c>.</summary>
    public IDictionary<string, string> StreamLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Lowest level written.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>Write the category as <c>logger</c>.</summary>
    public bool IncludeCategory { get; set; } = true;

    /// <summary>Write key/value pairs of active scopes as fields.</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>Write lines to <see cref="Output"/>; false sends them only to the Loki push client, when one is registered.</summary>
    public bool WriteToOutput { get; set; } = true;

    /// <summary>Where lines go; null = standard output.</summary>
    public Stream? Output { get; set; }

    /// <summary>Lines waiting for the writer; beyond it lines are dropped and counted rather than blocking the caller.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
