namespace TelemetryContracts.Diagnostics;

/// <summary>A one-based line and column plus the zero-based character offset in the text.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    /// <summary>The position of the first character of a file.</summary>
    public static SourcePosition Start => new(1, 1, 0);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
