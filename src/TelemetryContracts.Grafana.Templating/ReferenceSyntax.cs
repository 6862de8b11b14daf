namespace TelemetryContracts.Grafana.Templating;

/// <summary>How a variable reference was written.</summary>
public enum ReferenceSyntax
{
    /// <summary><c>$var</c></summary>
    Dollar,
    /// <summary><c>${var}</c>, <c>${var:format}</c>, <c>${var.field}</c></summary>
    Braces,
    /// <summary><c>[[var]]</c>, <c>[[var:format]]</c> (deprecated)</summary>
    Brackets,
}
