namespace TelemetryContracts.Exposition;

/// <summary>Limits that keep a hostile or broken endpoint (a 50 MB HTML page, an endless line) from exhausting memory.</summary>
public sealed record ExpositionParserOptions
{
    /// <summary>The default options.</summary>
    public static ExpositionParserOptions Default { get; } = new();

    /// <summary>Total input bytes accepted before the parse stops with an error. Default 64 MiB.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longest line accepted, in bytes. Default 1 MiB.</summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    /// <summary>Most samples accepted. Default 5 million.</summary>
    public int MaxSamples { get; init; } = 5_000_000;
}
