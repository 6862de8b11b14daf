using System.Runtime.CompilerServices;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>A monotonically increasing integer series (Prometheus counter, exposed as <c>name_total</c>).</summary>
public sealed class CounterCell : MetricCell
{
    private StripedInt64 value;

    internal CounterCell(MetricFamily family, string[] labelValues, byte[] encodedLabels)
        : base(family, labelValues, encodedLabels)
    {
    }

    /// <summary>Adds one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Inc() => value.Add(1);

    /// <summary>Adds <paramref name="delta"/>, which must not be negative (a counter only goes up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long delta)
    {
        if (delta < 0)
        {
            ThrowNegative(delta);
        }

        value.Add(delta);
    }

    /// <summary>The current total.</summary>
    public long Value => value.Read();

    internal void SetCumulative(long total) => value.Set(total);

    /// <summary>Whether this series was found hot and shared and now spreads its adds over per-thread stripes.</summary>
    internal bool IsStriped => value.IsStriped;

    private static void ThrowNegative(long delta) =>
        throw new ArgumentOutOfRangeException(nameof(delta), delta, "A counter only increases; use an up-down counter or a gauge for values that go down.");
}
