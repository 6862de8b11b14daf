namespace TelemetryContracts.Contracts;

/// <summary>The kind of a metric, as Prometheus exposes it.</summary>
public enum MetricType
{
    /// <summary>Monotonic count (<c>counter</c>); the exported name ends in <c>_total</c>.</summary>
    Counter,
    /// <summary>A value that goes up and down and is set (<c>gauge</c>).</summary>
    Gauge,
    /// <summary>A value changed by deltas (<c>updown_counter</c>); exposed as a gauge.</summary>
    UpDownCounter,
    /// <summary>A distribution with explicit buckets (<c>histogram</c>).</summary>
    Histogram,
}
