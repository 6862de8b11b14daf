using System.Buffers;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>A gauge whose value is read from a callback at scrape time (working set, queue depth held elsewhere).</summary>
public sealed class CallbackGauge : MetricFamily
{
    private readonly Func<double> read;
    private readonly byte[] sampleName;

    internal CallbackGauge(MetricRegistry registry, string name, string help, string unit, Func<double> read)
        : base(registry, name, help, unit, [], MetricType.Gauge, 1)
    {
        this.read = read;
        sampleName = Encoding.UTF8.GetBytes(name);
    }

    /// <inheritdoc />
    public override int SeriesCount => 1;

    /// <inheritdoc />
    public override bool HasOverflowed => false;

    /// <summary>Calls the callback; a throwing callback reads as NaN so one broken gauge cannot fail the scrape.</summary>
    public double Read()
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            return double.NaN;
        }
    }

    internal override void WriteSamples(ref LineWriter writer) =>
        ExpositionText.WriteSample(ref writer, sampleName, default, default, Read());
}
