using System.Runtime.CompilerServices;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>
/// An integer that many threads add to and subtract from (in-flight requests, open connections); exposed as a
/// Prometheus gauge. Unlike <see cref="GaugeCell"/> it has no Set, which lets it use per-core stripes.
/// </summary>
public sealed class UpDownCounterCell : MetricCell
{
    private StripedInt64 value;

    internal UpDownCounterCell(MetricFamily family, string[] labelValues, byte[] encodedLabels)
        : base(family, labelValues, encodedLabels)
    {
    }

    /// <summary>Adds <paramref name="delta"/> (may be negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long delta) => value.Add(delta);

    /// <summary>Adds one.</summary>
    public void Inc() => value.Add(1);

    /// <summary>Subtracts one.</summary>
    public void Dec() => value.Add(-1);

    /// <summary>The current value.</summary>
    public long Value => value.Read();

    internal void SetCumulative(long total) => value.Set(total);
}
