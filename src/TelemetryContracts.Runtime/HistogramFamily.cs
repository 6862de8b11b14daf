using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>A histogram family with fixed bucket upper bounds (the <c>+Inf</c> bucket is implicit).</summary>
public sealed class HistogramFamily : MetricFamily<HistogramCell>
{
    /// <summary>Prometheus' default buckets (client_golang DefBuckets), in seconds.</summary>
    public static IReadOnlyList<double> DefaultBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly byte[] bucketName;
    private readonly byte[] sumName;
    private readonly byte[] countName;
    private readonly byte[][] leLabels;
    private readonly long[] scratch;

    internal HistogramFamily(MetricRegistry registry, string name, string help, string unit, string[] labelNames, double[] buckets, int seriesLimit)
        : base(registry, name, help, unit, labelNames, MetricType.Histogram, seriesLimit)
    {
        BoundsArray = ValidateBuckets(name, buckets);
        bucketName = Encoding.UTF8.GetBytes(name + "_bucket");
        sumName = Encoding.UTF8.GetBytes(name + "_sum");
        countName = Encoding.UTF8.GetBytes(name + "_count");
        leLabels = new byte[BoundsArray.Length + 1][];
        for (var i = 0; i < BoundsArray.Length; i++)
        {
            leLabels[i] = Encoding.UTF8.GetBytes("le=\"" + ExpositionText.FormatDouble(BoundsArray[i]) + "\"");
        }

        leLabels[^1] = "le=\"+Inf\""u8.ToArray();
        scratch = new long[BoundsArray.Length + 1];
        CreateUnlabelledSeries();
    }

    /// <summary>The bucket upper bounds, ascending, without <c>+Inf</c>.</summary>
    public IReadOnlyList<double> Buckets => BoundsArray;

    internal double[] BoundsArray { get; }

    /// <summary>Set when a System.Diagnostics.Metrics meter mirrors this family; observations are recorded there only while a listener is enabled.</summary>
    internal Histogram<double>? Instrument { get; set; }

    /// <summary>Records one observation in the unlabelled series.</summary>
    public void Observe(double value) => Unlabelled.Observe(value);

    private protected override HistogramCell CreateCell(string[] labelValues, byte[] encodedLabels) => new(this, labelValues, encodedLabels);

    private protected override void WriteCell(ref LineWriter writer, HistogramCell cell)
    {
        // Scrapes are serialised by the registry, so the scratch array is never shared.
        var counts = scratch.AsSpan();
        cell.Read(counts, out var sum);
        var cumulative = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            ExpositionText.WriteSample(ref writer, bucketName, cell.EncodedLabels, leLabels[i], cumulative);
        }

        ExpositionText.WriteSample(ref writer, sumName, cell.EncodedLabels, default, sum);
        ExpositionText.WriteSample(ref writer, countName, cell.EncodedLabels, default, cumulative);
    }

    private static double[] ValidateBuckets(string name, double[] buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var list = buckets.Where(b => !double.IsPositiveInfinity(b)).ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (double.IsNaN(list[i]))
            {
                throw new ArgumentException($"Histogram '{name}' has a NaN bucket bound.", nameof(buckets));
            }

            if (i > 0 && !(list[i] > list[i - 1]))
            {
                throw new ArgumentException($"Histogram '{name}' buckets must be strictly ascending; {list[i]} follows {list[i - 1]}.", nameof(buckets));
            }
        }

        return list;
    }
}
