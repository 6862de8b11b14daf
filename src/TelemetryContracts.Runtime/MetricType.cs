namespace TelemetryContracts.Runtime;

/// <summary>The exposition type of a family (what <c># TYPE</c> says).</summary>
public enum MetricType
{
    /// <summary>Monotonic total, exposed as <c>name_total</c>.</summary>
    Counter,

    /// <summary>A value that goes up and down (gauges and up-down counters).</summary>
    Gauge,

    /// <summary>Cumulative buckets with <c>_sum</c> and <c>_count</c>.</summary>
    Histogram,
}
