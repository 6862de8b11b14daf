using System.Runtime.CompilerServices;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>A monotonically increasing floating-point series, e.g. seconds of CPU or bytes as a double.</summary>
public sealed class DoubleCounterCell : MetricCell
{
    private StripedDouble value;

    internal DoubleCounterCell(MetricFamily family, string[] labelValues, byte[] encodedLabels)
        : base(family, labelValues, encodedLabels)
    {
    }

    /// <summary>Adds <paramref name="delta"/>, which must not be negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double delta)
    {
        if (delta < 0)
        {
            ThrowNegative(delta);
        }

        value.Add(delta);
    }

    /// <summary>Adds one.</summary>
    public void Inc() => value.Add(1);

    /// <summary>The current total.</summary>
    public double Value => value.Read();

    internal void SetCumulative(double total) => value.Set(total);

    private static void ThrowNegative(double delta) =>
        throw new ArgumentOutOfRangeException(nameof(delta), delta, "A counter only increases; use an up-down counter or a gauge for values that go down.");
}
