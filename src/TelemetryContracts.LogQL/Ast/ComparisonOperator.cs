namespace TelemetryContracts.LogQL.Ast;

/// <summary>Comparison operators of numeric, duration and bytes label filters.</summary>
public enum ComparisonOperator
{
    /// <summary><c>==</c> or <c>=</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&gt;</c></summary>
    GreaterThan,
    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,
    /// <summary><c>&lt;</c></summary>
    LessThan,
    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,
}
