namespace TelemetryContracts.Exposition;

/// <summary>
/// Why an exposition was rejected, with the 1-based line and byte column. <see cref="Message"/> follows the wording of
/// prometheus/common <c>expfmt</c> and the OpenMetrics specification so it can be searched for upstream.
/// </summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based byte column in that line.</param>
/// <param name="Message">What is wrong, naming the offending token.</param>
/// <param name="Format">The format the input was parsed as.</param>
/// <param name="IsLimitExceeded">True when reading stopped at a size, line-length or sample limit rather than at a syntax error.</param>
public sealed record ExpositionError(int Line, int Column, string Message, ExpositionFormat Format, bool IsLimitExceeded = false)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(Format == ExpositionFormat.OpenMetrics ? "openmetrics" : "text")} format parsing error in line {Line}, column {Column}: {Message}";
}
