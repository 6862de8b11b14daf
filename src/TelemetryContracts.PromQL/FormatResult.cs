namespace TelemetryContracts.PromQL;

/// <summary>The outcome of <see cref="PromQLFormatter.Format"/>: <c>{ok, formatted, error:{offset,message}}</c>.</summary>
public sealed record FormatResult(bool Ok, string? Formatted, FormatError? Error);

/// <summary>A located formatting error: character <see cref="Offset"/> (0-based), 1-based line and column, and the message.</summary>
public sealed record FormatError(int Offset, int Line, int Column, string Message);
