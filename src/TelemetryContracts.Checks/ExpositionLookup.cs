using System.Globalization;
using TelemetryContracts.Contracts;
using TelemetryContracts.Exposition;
using ContractMetricType = TelemetryContracts.Contracts.MetricType;
using ExpositionMetricType = TelemetryContracts.Exposition.MetricType;

namespace TelemetryContracts.Checks;

/// <summary>How a declared metric appears in an exposition, in either format (OpenMetrics names a counter's family without <c>_total</c>).</summary>
internal static class ExpositionLookup
{
    private static readonly HashSet<string> GeneratedLabels = new(StringComparer.Ordinal) { "le", "quantile" };

    public static MetricFamily? Find(ExpositionParseResult result, MetricDefinition metric)
    {
        var family = result.Find(metric.FullName);
        if (family is null && metric.FullName.EndsWith("_total", StringComparison.Ordinal))
        {
            family = result.Find(metric.FullName[..^"_total".Length]);
        }

        return family;
    }

    /// <summary>Whether a family belongs to a declared metric (for the undeclared check).</summary>
    public static bool IsDeclared(TelemetryContract contract, string familyName) =>
        contract.Metrics.Any(m => m.FullName == familyName || m.FullName == familyName + "_total");

    public static ExpositionMetricType Expected(ContractMetricType type) => type switch
    {
        ContractMetricType.Counter => ExpositionMetricType.Counter,
        ContractMetricType.Histogram => ExpositionMetricType.Histogram,
        _ => ExpositionMetricType.Gauge,
    };

    public static string Describe(ContractMetricType type) => type switch
    {
        ContractMetricType.UpDownCounter => "updown_counter (a gauge in Prometheus)",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static SortedSet<string> LabelNames(MetricFamily family)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in family.Samples)
        {
            foreach (var l in s.Labels)
            {
                if (!GeneratedLabels.Contains(l.Name))
                {
                    names.Add(l.Name);
                }
            }
        }

        return names;
    }

    public static List<double> Buckets(MetricFamily family)
    {
        var les = new SortedSet<double>();
        foreach (var s in family.Samples)
        {
            if (s.Name.EndsWith("_bucket", StringComparison.Ordinal) && s.GetLabel("le") is { } le && le != "+Inf"
                && double.TryParse(le, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                les.Add(v);
            }
        }

        return les.ToList();
    }

    public static string Format(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
