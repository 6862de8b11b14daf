namespace TelemetryContracts.PromQL;

/// <summary>The outcome of <see cref="PromQLFormatter.Format"/>: <c>{ok, formatted, error:{offset,message}}</c>.</summary>
public sealed record FormatResult(bool Ok, string? Formatted, FormatError? Error);
