namespace TelemetryContracts.PromQL;

/// <summary>
/// Syntax that Prometheus 2.42 does not accept but later 2.x/3.x releases do. The parser records which of these
/// an expression uses so callers (and the conformance test) can tell "newer syntax" from a real disagreement.
/// </summary>
[Flags]
public enum PromQLFeature
{
    /// <summary>Nothing newer than 2.42.</summary>
    None = 0,
    /// <summary>Quoted metric or label names, e.g. <c>{"my.metric"}</c> (3.0).</summary>
    Utf8Names = 1,
    /// <summary>Arithmetic, <c>step()</c>/<c>range()</c>, <c>min_of</c>/<c>max_of</c> or plain numbers where a duration is expected (2.x late / 3.x).</summary>
    DurationExpressions = 2,
    /// <summary>A function that 2.42 does not know (e.g. <c>histogram_avg</c>, <c>sort_by_label</c>, <c>info</c>).</summary>
    NewFunctions = 4,
    /// <summary>The <c>limitk</c>/<c>limit_ratio</c> aggregations (2.54).</summary>
    NewAggregations = 8,
    /// <summary>The <c>anchored</c>/<c>smoothed</c> selector modifiers (3.x).</summary>
    SelectorModifiers = 16,
    /// <summary>The <c>fill</c>/<c>fill_left</c>/<c>fill_right</c> binary operator modifiers (3.x).</summary>
    FillModifiers = 32,
    /// <summary>Underscores between digits in numbers, e.g. <c>1_000</c> (3.x).</summary>
    NumberUnderscores = 64,
    /// <summary>A duration such as <c>5m</c> used as a number of seconds (3.x).</summary>
    DurationAsNumber = 128,
    /// <summary>The native histogram trim operators <c>&lt;/</c> and <c>&gt;/</c> (3.x).</summary>
    NewOperators = 256,
}
