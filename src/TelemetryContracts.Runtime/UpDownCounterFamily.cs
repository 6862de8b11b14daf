using System.Buffers;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>An up-down counter family, exposed as a Prometheus gauge.</summary>
public sealed class UpDownCounterFamily : MetricFamily<UpDownCounterCell>
{
    private readonly byte[] sampleName;

    internal UpDownCounterFamily(MetricRegistry registry, string name, string help, string unit, string[] labelNames, int seriesLimit)
        : base(registry, name, help, unit, labelNames, MetricType.Gauge, seriesLimit)
    {
        sampleName = Encoding.UTF8.GetBytes(name);
        CreateUnlabelledSeries();
    }

    /// <summary>Adds to the unlabelled series.</summary>
    public void Add(long delta) => Unlabelled.Add(delta);

    /// <summary>Adds one to the unlabelled series.</summary>
    public void Inc() => Unlabelled.Inc();

    /// <summary>Subtracts one from the unlabelled series.</summary>
    public void Dec() => Unlabelled.Dec();

    private protected override UpDownCounterCell CreateCell(string[] labelValues, byte[] encodedLabels) => new(this, labelValues, encodedLabels);

    private protected override void WriteCell(ref LineWriter writer, UpDownCounterCell cell) =>
        ExpositionText.WriteSample(ref writer, sampleName, cell.EncodedLabels, default, cell.Value);
}
