namespace TelemetryContracts.Exposition;

/// <summary>The outcome of parsing one exposition: the families read so far and, when it was rejected, the first error.</summary>
public sealed class ExpositionParseResult
{
    internal ExpositionParseResult(ExpositionFormat format, IReadOnlyList<MetricFamily> families, ExpositionError? error, long bytes, int lines)
    {
        Format = format;
        Families = families;
        Error = error;
        Bytes = bytes;
        Lines = lines;
    }

    /// <summary>The format the input was parsed as.</summary>
    public ExpositionFormat Format { get; }

    /// <summary>The metric families in order of first appearance (those read before an error, when there is one).</summary>
    public IReadOnlyList<MetricFamily> Families { get; }

    /// <summary>The first error; null when the whole input is valid.</summary>
    public ExpositionError? Error { get; }

    /// <summary>True when the input parsed without error.</summary>
    public bool Success => Error is null;

    /// <summary>Bytes read.</summary>
    public long Bytes { get; }

    /// <summary>Lines read.</summary>
    public int Lines { get; }

    /// <summary>The family named <paramref name="name"/>, or null.</summary>
    public MetricFamily? Find(string name)
    {
        foreach (var f in Families)
        {
            if (f.Name == name)
            {
                return f;
            }
        }

        return null;
    }
}
