namespace TelemetryContracts.Cli.Output;

/// <summary>How a verb renders its findings (<c>--format</c>).</summary>
public enum OutputFormat
{
    /// <summary>Human-readable lines, <c>file:line:column: severity ID: message</c> plus hint.</summary>
    Text,
    /// <summary>A JSON document with a schema version; one object per finding.</summary>
    Json,
}
