using System.Runtime.CompilerServices;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>A value that goes up and down and can be set (queue length, temperature, last run time).</summary>
public sealed class GaugeCell : MetricCell
{
    // Not striped: Set must replace the whole value, which per-core parts cannot do atomically.
    private long bits;

    internal GaugeCell(MetricFamily family, string[] labelValues, byte[] encodedLabels)
        : base(family, labelValues, encodedLabels)
    {
    }

    /// <summary>Replaces the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(double value) => AtomicDouble.Write(ref bits, value);

    /// <summary>Adds <paramref name="delta"/> (may be negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double delta) => AtomicDouble.Add(ref bits, delta);

    /// <summary>Adds one.</summary>
    public void Inc() => AtomicDouble.Add(ref bits, 1);

    /// <summary>Subtracts one.</summary>
    public void Dec() => AtomicDouble.Add(ref bits, -1);

    /// <summary>Sets the value to the current Unix time in seconds (for "last success" gauges).</summary>
    public void SetToCurrentTimeUtc() => Set(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>The current value.</summary>
    public double Value => AtomicDouble.Read(ref bits);
}
