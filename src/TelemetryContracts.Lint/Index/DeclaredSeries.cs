using TelemetryContracts.Contracts;

namespace TelemetryContracts.Lint.Index;

/// <summary>One exported series name of a declared metric, with the labels it carries after scraping.</summary>
/// <param name="Contract">The contract that declares the metric.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Name">The exported series name (<c>scanium_http_request_duration_ms_bucket</c>).</param>
/// <param name="Kind">Which series of the metric this is.</param>
public sealed record DeclaredSeries(TelemetryContract Contract, MetricDefinition Metric, string Name, SeriesKind Kind)
{
    /// <summary>Labels added by Prometheus at scrape time; every series has them.</summary>
    public static readonly IReadOnlyList<string> TargetLabels = new[] { "job", "instance" };

    /// <summary>The labels a series of this name carries: the declared ones, job and instance, and <c>le</c> on buckets.</summary>
    public IReadOnlyList<string> LabelNames { get; } = Metric.Labels
        .Concat(TargetLabels)
        .Concat(Kind == SeriesKind.Bucket ? new[] { "le" } : Array.Empty<string>())
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>The closed set of values of <paramref name="label"/>, or null when the label is open (or undeclared).</summary>
    public IReadOnlyList<string>? ClosedValues(string label)
    {
        if (label == "job")
        {
            return new[] { Contract.Job };
        }

        return Contract.FindLabel(label) is { IsClosed: true } l ? l.ClosedValues : null;
    }
}
