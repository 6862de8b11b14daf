namespace TelemetryContracts.PromQL.Ast;

/// <summary>Binary and unary operators.</summary>
public enum Operator
{
    /// <summary><c>+</c></summary>
    Add,
    /// <summary><c>-</c></summary>
    Sub,
    /// <summary><c>*</c></summary>
    Mul,
    /// <summary><c>/</c></summary>
    Div,
    /// <summary><c>%</c></summary>
    Mod,
    /// <summary><c>^</c></summary>
    Pow,
    /// <summary><c>atan2</c></summary>
    Atan2,
    /// <summary><c>==</c></summary>
    Eql,
    /// <summary><c>!=</c></summary>
    Neq,
    /// <summary><c>&lt;</c></summary>
    Lss,
    /// <summary><c>&lt;=</c></summary>
    Lte,
    /// <summary><c>&gt;</c></summary>
    Gtr,
    /// <summary><c>&gt;=</c></summary>
    Gte,
    /// <summary><c>and</c></summary>
    And,
    /// <summary><c>or</c></summary>
    Or,
    /// <summary><c>unless</c></summary>
    Unless,
    /// <summary><c>&lt;/</c>: trims native histogram buckets above a value (3.x).</summary>
    TrimUpper,
    /// <summary><c>&gt;/</c>: trims native histogram buckets below a value (3.x).</summary>
    TrimLower,
}
