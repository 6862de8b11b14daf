namespace TelemetryContracts.Generator.Model;

/// <summary>The instrument kinds the generator emits.</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    UpDownCounter,
    Histogram,
}
