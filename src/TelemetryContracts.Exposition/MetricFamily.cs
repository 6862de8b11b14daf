namespace TelemetryContracts.Exposition;

/// <summary>A metric family: its metadata lines and every sample that belongs to it.</summary>
public sealed class MetricFamily
{
    internal readonly ChunkedList<Sample> SampleList = new();

    /// <summary>Text format: the type can no longer change (a TYPE line or a sample was seen).</summary>
    internal bool TypeFixed;

    internal MetricFamily(string name, int line)
    {
        Name = name;
        Line = line;
    }

    /// <summary>The family name (without sample suffixes such as <c>_total</c> or <c>_bucket</c>).</summary>
    public string Name { get; }

    /// <summary>The declared type; <see cref="MetricType.Unknown"/> when no <c># TYPE</c> line came first.</summary>
    public MetricType Type { get; internal set; }

    /// <summary>True when a <c># TYPE</c> line declared the type.</summary>
    public bool TypeDeclared { get; internal set; }

    /// <summary>The unescaped <c># HELP</c> text, or null when there was none.</summary>
    public string? Help { get; internal set; }

    /// <summary>The OpenMetrics <c># UNIT</c>, or null.</summary>
    public string? Unit { get; internal set; }

    /// <summary>The 1-based line where the family was first mentioned.</summary>
    public int Line { get; }

    /// <summary>The samples in exposition order.</summary>
    public IReadOnlyList<Sample> Samples => SampleList;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type}, {SampleList.Count} samples)";
}
