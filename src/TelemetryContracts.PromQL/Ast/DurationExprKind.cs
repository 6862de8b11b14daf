namespace TelemetryContracts.PromQL.Ast;

/// <summary>Kinds of <see cref="DurationExpr"/>.</summary>
public enum DurationExprKind
{
    /// <summary>A duration such as <c>5m</c> or a number of seconds.</summary>
    Literal,
    /// <summary><c>step()</c></summary>
    Step,
    /// <summary><c>range()</c></summary>
    Range,
    /// <summary><c>lhs op rhs</c></summary>
    Binary,
    /// <summary><c>-x</c> or <c>+x</c></summary>
    Unary,
    /// <summary><c>(x)</c></summary>
    Paren,
    /// <summary><c>min_of(a, b)</c></summary>
    MinOf,
    /// <summary><c>max_of(a, b)</c></summary>
    MaxOf,
}
