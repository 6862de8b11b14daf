using System.Buffers;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>A gauge family (values that are set, or go up and down).</summary>
public sealed class GaugeFamily : MetricFamily<GaugeCell>
{
    private readonly byte[] sampleName;

    internal GaugeFamily(MetricRegistry registry, string name, string help, string unit, string[] labelNames, int seriesLimit)
        : base(registry, name, help, unit, labelNames, MetricType.Gauge, seriesLimit)
    {
        sampleName = Encoding.UTF8.GetBytes(name);
        CreateUnlabelledSeries();
    }

    /// <summary>Sets the unlabelled series.</summary>
    public void Set(double value) => Unlabelled.Set(value);

    /// <summary>Adds to the unlabelled series.</summary>
    public void Add(double delta) => Unlabelled.Add(delta);

    /// <summary>Adds one to the unlabelled series.</summary>
    public void Inc() => Unlabelled.Inc();

    /// <summary>Subtracts one from the unlabelled series.</summary>
    public void Dec() => Unlabelled.Dec();

    private protected override GaugeCell CreateCell(string[] labelValues, byte[] encodedLabels) => new(this, labelValues, encodedLabels);

    private protected override void WriteCell(ref LineWriter writer, GaugeCell cell) =>
        ExpositionText.WriteSample(ref writer, sampleName, cell.EncodedLabels, default, cell.Value);
}
