namespace TelemetryContracts.PromQL.Ast;

/// <summary>Label matcher operators.</summary>
public enum MatchOp
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>=~</c> (fully anchored RE2 regular expression)</summary>
    Regex,
    /// <summary><c>!~</c></summary>
    NotRegex,
}
