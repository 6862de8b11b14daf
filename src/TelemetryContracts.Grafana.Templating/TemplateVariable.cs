namespace TelemetryContracts.Grafana.Templating;

/// <summary>A dashboard template variable with its current selection, as stored in the dashboard JSON.</summary>
/// <param name="Name">Variable name (without <c>$</c>).</param>
/// <param name="Values">Selected values (one for a single-value variable).</param>
public sealed record TemplateVariable(string Name, IReadOnlyList<string> Values)
{
    /// <summary>Display text of the selection (the <c>text</c> format); defaults to the values.</summary>
    public IReadOnlyList<string>? Texts { get; init; }

    /// <summary>True when the variable allows several values.</summary>
    public bool Multi { get; init; }

    /// <summary>True when the variable offers "All".</summary>
    public bool IncludeAll { get; init; }

    /// <summary>True when "All" is selected (<c>$__all</c>).</summary>
    public bool AllSelected { get; init; }

    /// <summary>Custom all value; Grafana inserts it verbatim, without any escaping.</summary>
    public string? AllValue { get; init; }

    /// <summary>Every option value (without "All"), used for "All" when no custom all value is set.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>
    /// True when the dashboard fixes the value (constant, custom and interval variables with one selected value).
    /// Values of query variables are refreshed when the dashboard loads, so tools checking values must not trust them.
    /// </summary>
    public bool IsFixed { get; init; }

    /// <summary>
    /// True when the value is not known at all (e.g. a query variable whose saved selection is empty). The expander then
    /// substitutes a stand-in that parses where the reference stands (see <see cref="Placeholders"/>) instead of a value.
    /// </summary>
    public bool IsPlaceholder { get; init; }

    /// <summary>A variable whose value is unknown: expanded to a position-appropriate stand-in.</summary>
    public static TemplateVariable Placeholder(string name) => new(name, []) { IsPlaceholder = true };

    /// <summary>A single-value variable.</summary>
    public static TemplateVariable Single(string name, string value) => new(name, [value]);
}
