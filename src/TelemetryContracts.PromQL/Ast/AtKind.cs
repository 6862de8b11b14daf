namespace TelemetryContracts.PromQL.Ast;

/// <summary>Which <c>@</c> form a selector or subquery carries.</summary>
public enum AtKind
{
    /// <summary>No <c>@</c> modifier.</summary>
    None,
    /// <summary><c>@ &lt;timestamp&gt;</c></summary>
    Timestamp,
    /// <summary><c>@ start()</c></summary>
    Start,
    /// <summary><c>@ end()</c></summary>
    End,
}
