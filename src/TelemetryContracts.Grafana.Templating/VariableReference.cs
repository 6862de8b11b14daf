namespace TelemetryContracts.Grafana.Templating;

/// <summary>One variable reference found in the text and what it became.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="FieldPath">Field path of <c>${var.path}</c>, or null.</param>
/// <param name="Format">Explicit format (with arguments, e.g. <c>date:iso</c>), or null.</param>
/// <param name="Syntax">How it was written.</param>
/// <param name="OriginalStart">Offset of the reference in the original text.</param>
/// <param name="OriginalEnd">End offset in the original text.</param>
/// <param name="ExpandedStart">Offset of the replacement in the expanded text.</param>
/// <param name="ExpandedEnd">End offset of the replacement in the expanded text.</param>
/// <param name="Resolved">False when the variable is unknown; Grafana then leaves the reference as written.</param>
public sealed record VariableReference(string Name, string? FieldPath, string? Format, ReferenceSyntax Syntax, int OriginalStart, int OriginalEnd, int ExpandedStart, int ExpandedEnd, bool Resolved)
{
    /// <summary>True when the replacement is a stand-in for an unknown value (<see cref="Placeholders"/>), not a value.</summary>
    public bool IsPlaceholder { get; init; }

    /// <summary>
    /// True when the replacement is a value the dashboard fixes (<see cref="TemplateVariable.IsFixed"/>); false for
    /// placeholders, built-ins (they depend on the time range) and variables refreshed on load.
    /// </summary>
    public bool IsFixedValue { get; init; }
}
