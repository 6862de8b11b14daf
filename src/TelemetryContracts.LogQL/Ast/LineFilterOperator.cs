namespace TelemetryContracts.LogQL.Ast;

/// <summary>Line filter operators.</summary>
public enum LineFilterOperator
{
    /// <summary><c>|=</c></summary>
    Contains,
    /// <summary><c>!=</c></summary>
    NotContains,
    /// <summary><c>|~</c></summary>
    Regex,
    /// <summary><c>!~</c></summary>
    NotRegex,
    /// <summary><c>|&gt;</c></summary>
    Pattern,
    /// <summary><c>!&gt;</c></summary>
    NotPattern,
}
