namespace TelemetryContracts.Cli.Commands.Fmt;

/// <summary>The result of formatting one expression.</summary>
/// <param name="Ok">Whether it parsed.</param>
/// <param name="Formatted">The canonical form, null on error.</param>
/// <param name="Offset">The error offset (characters from the start of the expression).</param>
/// <param name="Message">The error message.</param>
public sealed record FmtOutcome(bool Ok, string? Formatted, int Offset, string? Message);
