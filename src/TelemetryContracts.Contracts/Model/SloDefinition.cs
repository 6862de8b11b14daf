namespace TelemetryContracts.Contracts;

/// <summary>A service level objective on a declared metric.</summary>
public sealed record SloDefinition : ModelElement
{
    /// <summary>The SLO's name (used in rule and alert names).</summary>
    public string Name { get; init; } = "";

    /// <summary>Latency or error ratio.</summary>
    public SloKind Kind { get; init; }

    /// <summary>The metric it is computed from, as declared (short or full name).</summary>
    public string Metric { get; init; } = "";

    /// <summary>The quantile of a latency SLO (e.g. 0.95).</summary>
    public double? Quantile { get; init; }

    /// <summary>The threshold: a latency in the metric's unit, or the highest allowed error ratio.</summary>
    public double Below { get; init; }

    /// <summary>Label matchers that select error events (label → regex), for an error-ratio SLO.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Errors { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The share of good events over the window (e.g. 0.99); defaults to the quantile for latency, 1 − below for errors.</summary>
    public double Objective { get; init; }

    /// <summary>The SLO window as a Prometheus duration (<c>30d</c> by default).</summary>
    public string Window { get; init; } = "30d";

    /// <summary>What the SLO promises.</summary>
    public string? Description { get; init; }
}
