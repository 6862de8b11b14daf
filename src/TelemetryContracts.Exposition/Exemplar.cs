namespace TelemetryContracts.Exposition;

/// <summary>An OpenMetrics exemplar attached to a counter or histogram bucket sample.</summary>
/// <param name="Labels">The exemplar's label set (usually a trace id).</param>
/// <param name="Value">The exemplar value.</param>
/// <param name="TimestampSeconds">The exemplar timestamp in seconds since the epoch, when given.</param>
public sealed record Exemplar(LabelSet Labels, double Value, double? TimestampSeconds);
