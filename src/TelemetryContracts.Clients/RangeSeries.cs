namespace TelemetryContracts.Clients;

/// <summary>One series of a range (matrix) result.</summary>
/// <param name="Labels">The series labels.</param>
/// <param name="Points">The points in time order.</param>
public sealed record RangeSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<SamplePoint> Points);
