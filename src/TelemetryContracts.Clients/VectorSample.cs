namespace TelemetryContracts.Clients;

/// <summary>One series of an instant vector.</summary>
/// <param name="Labels">The series labels (with <c>__name__</c> when the query kept it).</param>
/// <param name="Point">The value at the evaluation time.</param>
public sealed record VectorSample(IReadOnlyDictionary<string, string> Labels, SamplePoint Point);
