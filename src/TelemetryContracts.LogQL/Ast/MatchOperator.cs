namespace TelemetryContracts.LogQL.Ast;

/// <summary>Label matcher operators.</summary>
public enum MatchOperator
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>=~</c></summary>
    Regex,
    /// <summary><c>!~</c></summary>
    NotRegex,
}
