namespace TelemetryContracts.PromQL;

/// <summary>A located formatting error: character <see cref="Offset"/> (0-based), 1-based line and column, and the message.</summary>
public sealed record FormatError(int Offset, int Line, int Column, string Message);
