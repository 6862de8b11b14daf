namespace TelemetryContracts.Contracts;

/// <summary>A metric the service exports.</summary>
public sealed record MetricDefinition : ModelElement
{
    /// <summary>The name as declared (without the contract's namespace).</summary>
    public string Name { get; init; } = "";

    /// <summary>The exported Prometheus name: <c>namespace_name</c>.</summary>
    public string FullName { get; init; } = "";

    /// <summary>counter, gauge, updown_counter or histogram.</summary>
    public MetricType Type { get; init; }

    /// <summary>long or double in the generated API.</summary>
    public MetricValueType ValueType { get; init; }

    /// <summary>The HELP text.</summary>
    public string Help { get; init; } = "";

    /// <summary>The unit (e.g. <c>seconds</c>, <c>bytes</c>), when declared.</summary>
    public string? Unit { get; init; }

    /// <summary>Label names in declared order; each refers to a <see cref="LabelDefinition"/>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = Array.Empty<string>();

    /// <summary>Histogram bucket upper bounds, ascending, without <c>+Inf</c>.</summary>
    public IReadOnlyList<double>? Buckets { get; init; }

    /// <summary>Why the metric is deprecated and what replaces it, when it is.</summary>
    public string? Deprecated { get; init; }

    /// <summary>The full name this metric had before a rename (dashboards may still query it).</summary>
    public string? RenamedFrom { get; init; }

    /// <summary>True when the metric must always be present once the service runs (an <c>absent()</c> alert guards it).</summary>
    public bool Required { get; init; } = true;

    /// <summary>The names of the series this metric produces (histograms: <c>_bucket</c>, <c>_sum</c>, <c>_count</c>).</summary>
    public IEnumerable<string> SeriesNames => Type == MetricType.Histogram
        ? new[] { FullName + "_bucket", FullName + "_sum", FullName + "_count" }
        : new[] { FullName };
}
