namespace TelemetryContracts.Clients;

/// <summary>One point of a query result: Unix time in seconds (fractional) and the value (NaN and ±Inf allowed).</summary>
/// <param name="TimestampSeconds">Unix time in seconds.</param>
/// <param name="Value">The sample value.</param>
public readonly record struct SamplePoint(double TimestampSeconds, double Value);
