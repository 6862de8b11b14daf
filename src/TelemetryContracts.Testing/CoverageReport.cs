namespace TelemetryContracts.Testing;

/// <summary>Which declared metrics and log streams were seen emitted, and which never were.</summary>
public sealed record CoverageReport(IReadOnlyList<string> EmittedMetrics, IReadOnlyList<string> NeverEmittedMetrics, IReadOnlyList<string> EmittedStreams, IReadOnlyList<string> NeverEmittedStreams)
{
    /// <summary>True when everything declared was emitted.</summary>
    public bool Complete => NeverEmittedMetrics.Count == 0 && NeverEmittedStreams.Count == 0;
}
