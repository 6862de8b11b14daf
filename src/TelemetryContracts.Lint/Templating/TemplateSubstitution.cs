namespace TelemetryContracts.Lint.Templating;

/// <summary>One variable reference replaced during expansion, with its spans in the original and the expanded text.</summary>
/// <param name="OriginalStart">Start of the reference (<c>$var</c>, <c>${var:fmt}</c>, <c>[[var]]</c>) in the original text.</param>
/// <param name="OriginalEnd">End (exclusive) in the original text.</param>
/// <param name="ExpandedStart">Start of the replacement in the expanded text.</param>
/// <param name="ExpandedEnd">End (exclusive) in the expanded text.</param>
/// <param name="Variable">The variable name (built-ins keep their <c>__</c> prefix).</param>
/// <param name="IsFixedValue">True when the value is fixed by the dashboard (constant and custom variables), so value checks may use it.</param>
public sealed record TemplateSubstitution(int OriginalStart, int OriginalEnd, int ExpandedStart, int ExpandedEnd, string Variable, bool IsFixedValue);
