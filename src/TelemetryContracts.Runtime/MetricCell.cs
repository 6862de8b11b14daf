namespace TelemetryContracts.Runtime;

/// <summary>
/// One series of a metric family: the label values it was created with and its pre-encoded label text. Cells are
/// created by the family (never by callers) and live as long as the registry, so callers may keep them in fields and
/// skip the lookup on the hot path.
/// </summary>
public abstract class MetricCell
{
    private protected MetricCell(MetricFamily family, string[] labelValues, byte[] encodedLabels)
    {
        Family = family;
        LabelValuesArray = labelValues;
        EncodedLabels = encodedLabels;
    }

    /// <summary>The family this series belongs to.</summary>
    public MetricFamily Family { get; }

    /// <summary>The label values, in the order of <see cref="MetricFamily.LabelNames"/>.</summary>
    public IReadOnlyList<string> LabelValues => LabelValuesArray;

    internal string[] LabelValuesArray { get; }

    /// <summary><c>a="x",b="y"</c> in UTF-8, escaped once at creation so a scrape only copies bytes.</summary>
    internal byte[] EncodedLabels { get; }

    /// <summary>The labels as System.Diagnostics.Metrics tags, built on first use by a MeterListener.</summary>
    internal KeyValuePair<string, object?>[] Tags => tags ??= BuildTags();

    private KeyValuePair<string, object?>[]? tags;

    private KeyValuePair<string, object?>[] BuildTags()
    {
        var names = Family.LabelNamesArray;
        var result = new KeyValuePair<string, object?>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = new KeyValuePair<string, object?>(names[i], LabelValuesArray[i]);
        }

        return result;
    }
}
