namespace TelemetryContracts.Exposition;

/// <summary>
/// One sample line. Histogram and summary samples stay flat as exposed (<c>x_bucket{le="0.5"}</c>, <c>x_sum</c>,
/// <c>x_count</c>), because checks compare what a scrape really stores, not a reassembled model.
/// </summary>
/// <param name="Name">The sample's metric name as written (with its <c>_bucket</c>/<c>_total</c>/… suffix).</param>
/// <param name="Labels">The labels in exposition order, unescaped.</param>
/// <param name="Value">The value (NaN and ±Inf allowed).</param>
/// <param name="TimestampMilliseconds">The timestamp in milliseconds since the epoch, when given (OpenMetrics seconds are converted).</param>
/// <param name="Exemplar">The OpenMetrics exemplar, when given.</param>
/// <param name="Line">The 1-based line the sample was read from.</param>
public readonly record struct Sample(string Name, LabelSet Labels, double Value, long? TimestampMilliseconds, Exemplar? Exemplar, int Line)
{
    /// <summary>The value of label <paramref name="name"/>, or null when the sample has no such label.</summary>
    public string? GetLabel(string name) => Labels.Get(name);
}
