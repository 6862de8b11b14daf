using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>Options of the JSON-lines logger.</summary>
public sealed class JsonLinesLoggerOptions
{
    /// <summary>
    /// Stream labels on every line that is not a generated typed logger's (those carry their stream's labels), e.g.
    /// <c>source=scanium-backend</c>, <c>env=prod</c>.
    /// </summary>
    public IDictionary<string, string> StreamLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Level field, level spellings and message field of entries that do not bring their own shape: framework
    /// categories, <c>LoggerMessage</c>, <c>LogInformation</c>. Entries of a generated typed logger always follow their
    /// contract. Give it the contract's, e.g. <c>o.Shape = CheckoutTelemetry.AppLogger.Shape</c>, so every line of the
    /// stream spells its level the same way. Default <see cref="LogStreamShape.Default"/>.
    /// </summary>
    public LogStreamShape Shape { get; set; } = LogStreamShape.Default;

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
