namespace TelemetryContracts.Reporting;

/// <summary>One declared metric: how many series Prometheus holds for it and how its value moved during the run.</summary>
/// <param name="Name">The exported name.</param>
/// <param name="Type">counter, gauge, updown_counter or histogram.</param>
/// <param name="Labels">The declared label names.</param>
/// <param name="SeriesCount">Series found in the TSDB for the job.</param>
/// <param name="Status">Whether the metric holds.</param>
/// <param name="Samples">Values over the run (a rate for counters and histograms), oldest first, for the sparkline.</param>
/// <param name="Note">Why it is not green, when it is not.</param>
public sealed record MetricRow(string Name, string Type, IReadOnlyList<string> Labels, int SeriesCount, StageStatus Status, IReadOnlyList<double> Samples, string? Note = null);
