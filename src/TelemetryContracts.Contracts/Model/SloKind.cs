namespace TelemetryContracts.Contracts;

/// <summary>What an SLO measures.</summary>
public enum SloKind
{
    /// <summary>A quantile of a histogram stays below a threshold (e.g. p95 below 0.6 s).</summary>
    Latency,
    /// <summary>The share of events matching an error selector stays below a ratio (e.g. 5xx below 1%).</summary>
    ErrorRatio,
}
