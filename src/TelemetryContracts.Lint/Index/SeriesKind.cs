namespace TelemetryContracts.Lint.Index;

/// <summary>Which exported series of a declared metric a name denotes.</summary>
public enum SeriesKind
{
    /// <summary>The metric itself (counter, gauge, up-down counter).</summary>
    Value,

    /// <summary>A histogram's <c>_bucket</c> series (carries <c>le</c>).</summary>
    Bucket,

    /// <summary>A histogram's <c>_sum</c> series.</summary>
    Sum,

    /// <summary>A histogram's <c>_count</c> series.</summary>
    Count,
}
