using System.Buffers;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>An integer counter family; its samples are named <c>&lt;name&gt;_total</c>.</summary>
public sealed class CounterFamily : MetricFamily<CounterCell>
{
    private readonly byte[] sampleName;

    internal CounterFamily(MetricRegistry registry, string name, string help, string unit, string[] labelNames, int seriesLimit)
        : base(registry, name, help, unit, labelNames, MetricType.Counter, seriesLimit)
    {
        sampleName = Encoding.UTF8.GetBytes(name + "_total");
        CreateUnlabelledSeries();
    }

    /// <summary>Adds one to the unlabelled series.</summary>
    public void Inc() => Unlabelled.Inc();

    /// <summary>Adds <paramref name="delta"/> to the unlabelled series.</summary>
    public void Add(long delta) => Unlabelled.Add(delta);

    private protected override CounterCell CreateCell(string[] labelValues, byte[] encodedLabels) => new(this, labelValues, encodedLabels);

    private protected override void WriteCell(ref LineWriter writer, CounterCell cell) =>
        ExpositionText.WriteSample(ref writer, sampleName, cell.EncodedLabels, default, cell.Value);
}
