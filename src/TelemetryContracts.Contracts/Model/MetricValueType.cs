namespace TelemetryContracts.Contracts;

/// <summary>The numeric type of a metric's value in the generated API.</summary>
public enum MetricValueType
{
    /// <summary>64-bit integer (the default for counters and up-down counters).</summary>
    Long,
    /// <summary>64-bit floating point (the default for gauges and histograms).</summary>
    Double,
}
