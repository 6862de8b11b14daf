namespace TelemetryContracts.Clients;

/// <summary>
/// A typed query result. Exactly the collection matching <see cref="ResultType"/> is filled; the others are empty
/// (or null for the scalar and string).
/// </summary>
public sealed record QueryData
{
    /// <summary>The result type.</summary>
    public required QueryResultType ResultType { get; init; }

    /// <summary>Vector series.</summary>
    public IReadOnlyList<VectorSample> Vector { get; init; } = Array.Empty<VectorSample>();

    /// <summary>Matrix series.</summary>
    public IReadOnlyList<RangeSeries> Matrix { get; init; } = Array.Empty<RangeSeries>();

    /// <summary>The scalar, for <see cref="QueryResultType.Scalar"/>.</summary>
    public SamplePoint? Scalar { get; init; }

    /// <summary>The string value, for <see cref="QueryResultType.String"/>.</summary>
    public string? String { get; init; }

    /// <summary>Loki streams.</summary>
    public IReadOnlyList<LogStream> Streams { get; init; } = Array.Empty<LogStream>();

    /// <summary>Warnings the backend attached to the answer.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>How many series (or streams) the result holds.</summary>
    public int Count => ResultType switch
    {
        QueryResultType.Vector => Vector.Count,
        QueryResultType.Matrix => Matrix.Count,
        QueryResultType.Streams => Streams.Count,
        _ => 1,
    };
}
