namespace TelemetryContracts.Diagnostics;

/// <summary>A range of text in one file: start inclusive, end exclusive.</summary>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    /// <summary>An empty span at the start of a file, for findings about the whole file.</summary>
    public static SourceSpan FileStart => new(SourcePosition.Start, SourcePosition.Start);

    /// <inheritdoc />
    public override string ToString() => Start.ToString();
}
