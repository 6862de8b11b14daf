namespace TelemetryContracts.Exposition;

/// <summary>A metric family's declared type (the <c># TYPE</c> line), covering both formats.</summary>
public enum MetricType
{
    /// <summary>No <c># TYPE</c> line: <c>untyped</c> in the text format, <c>unknown</c> in OpenMetrics.</summary>
    Unknown,

    /// <summary><c>counter</c>.</summary>
    Counter,

    /// <summary><c>gauge</c>.</summary>
    Gauge,

    /// <summary><c>histogram</c>.</summary>
    Histogram,

    /// <summary><c>gaugehistogram</c> (OpenMetrics) or <c>gauge_histogram</c> (text format).</summary>
    GaugeHistogram,

    /// <summary><c>summary</c>.</summary>
    Summary,

    /// <summary><c>stateset</c> (OpenMetrics only).</summary>
    StateSet,

    /// <summary><c>info</c> (OpenMetrics only).</summary>
    Info,
}
