using System.Buffers;
using System.Text;
using TelemetryContracts.Runtime.Internal;

namespace TelemetryContracts.Runtime;

/// <summary>
/// A named metric with its help, unit and declared label names; the series (cells) hang off the typed subclasses.
/// </summary>
public abstract class MetricFamily
{
    private readonly byte[] headerText;
    private readonly byte[] headerOpenMetrics;

    private protected MetricFamily(MetricRegistry registry, string name, string help, string unit, string[] labelNames, MetricType type, int seriesLimit)
    {
        Registry = registry;
        Name = name;
        Help = help ?? string.Empty;
        Unit = unit ?? string.Empty;
        LabelNamesArray = labelNames;
        Type = type;
        SeriesLimit = seriesLimit;
        var exposedTextName = type == MetricType.Counter ? name + "_total" : name;
        headerText = BuildHeader(exposedTextName, false);
        headerOpenMetrics = BuildHeader(name, true);
    }

    /// <summary>The registry holding the family.</summary>
    public MetricRegistry Registry { get; }

    /// <summary>The family name; for counters without the <c>_total</c> suffix the samples carry.</summary>
    public string Name { get; }

    /// <summary>The help text.</summary>
    public string Help { get; }

    /// <summary>The unit (e.g. <c>seconds</c>); shown as <c># UNIT</c> in OpenMetrics when the name ends with <c>_&lt;unit&gt;</c>.</summary>
    public string Unit { get; }

    /// <summary>The declared label names, in order.</summary>
    public IReadOnlyList<string> LabelNames => LabelNamesArray;

    internal string[] LabelNamesArray { get; }

    /// <summary>The exposition type.</summary>
    public MetricType Type { get; }

    /// <summary>The most series this family creates; label sets beyond it share one overflow series.</summary>
    public int SeriesLimit { get; }

    /// <summary>Number of series created, not counting the overflow series.</summary>
    public abstract int SeriesCount { get; }

    /// <summary>True when the overflow series exists, i.e. the limit was reached at least once.</summary>
    public abstract bool HasOverflowed { get; }

    /// <summary>Writes HELP/TYPE/UNIT and the samples; nothing for a family without series.</summary>
    internal void Write(ref LineWriter writer, ExpositionFormat format)
    {
        if (!HasSamples)
        {
            return;
        }

        ExpositionText.WriteRaw(ref writer, format.IsOpenMetrics ? headerOpenMetrics : headerText);
        WriteSamples(ref writer);
    }

    internal virtual bool HasSamples => SeriesCount > 0 || HasOverflowed;

    internal abstract void WriteSamples(ref LineWriter writer);

    private byte[] BuildHeader(string exposedName, bool openMetrics)
    {
        var typeText = Type switch
        {
            MetricType.Counter => "counter",
            MetricType.Histogram => "histogram",
            _ => "gauge",
        };
        var sb = new StringBuilder();
        if (openMetrics)
        {
            sb.Append("# TYPE ").Append(exposedName).Append(' ').Append(typeText).Append('\n');
            if (Unit.Length > 0 && exposedName.EndsWith("_" + Unit, StringComparison.Ordinal))
            {
                sb.Append("# UNIT ").Append(exposedName).Append(' ').Append(Unit).Append('\n');
            }

            if (Help.Length > 0)
            {
                sb.Append("# HELP ").Append(exposedName).Append(' ').Append(ExpositionText.EscapeHelp(Help, true)).Append('\n');
            }
        }
        else
        {
            if (Help.Length > 0)
            {
                sb.Append("# HELP ").Append(exposedName).Append(' ').Append(ExpositionText.EscapeHelp(Help, false)).Append('\n');
            }

            sb.Append("# TYPE ").Append(exposedName).Append(' ').Append(typeText).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
