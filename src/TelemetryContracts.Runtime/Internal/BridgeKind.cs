namespace TelemetryContracts.Runtime.Internal;

/// <summary>How a bridged instrument's measurements change its series.</summary>
internal enum BridgeKind
{
    /// <summary>Counter&lt;T&gt;: each measurement is an increment.</summary>
    Counter,

    /// <summary>ObservableCounter&lt;T&gt;: each measurement is the cumulative total.</summary>
    ObservableCounter,

    /// <summary>UpDownCounter&lt;T&gt;: increments that may be negative.</summary>
    UpDownCounter,

    /// <summary>Gauge&lt;T&gt;, ObservableGauge&lt;T&gt;, ObservableUpDownCounter&lt;T&gt;: the current value.</summary>
    Gauge,

    /// <summary>Histogram&lt;T&gt;: an observation.</summary>
    Histogram,
}
