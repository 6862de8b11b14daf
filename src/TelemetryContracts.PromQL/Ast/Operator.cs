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

/// <summary>Operator facts.</summary>
public static class OperatorInfo
{
    /// <summary>The operator as Prometheus prints it.</summary>
    public static string Text(this Operator op) => op switch
    {
        Operator.Add => "+", Operator.Sub => "-", Operator.Mul => "*", Operator.Div => "/", Operator.Mod => "%",
        Operator.Pow => "^", Operator.Atan2 => "atan2", Operator.Eql => "==", Operator.Neq => "!=", Operator.Lss => "<",
        Operator.Lte => "<=", Operator.Gtr => ">", Operator.Gte => ">=", Operator.And => "and", Operator.Or => "or",
        Operator.TrimUpper => "</", Operator.TrimLower => ">/", _ => "unless",
    };

    /// <summary>True for <c>== != &lt; &lt;= &gt; &gt;=</c>.</summary>
    public static bool IsComparison(this Operator op) => op is >= Operator.Eql and <= Operator.Gte;

    /// <summary>True for <c>and or unless</c>.</summary>
    public static bool IsSet(this Operator op) => op is Operator.And or Operator.Or or Operator.Unless;

    /// <summary>Binding strength, higher binds tighter (Prometheus's yacc precedence).</summary>
    public static int Precedence(this Operator op) => op switch
    {
        Operator.Or => 1,
        Operator.And or Operator.Unless => 2,
        Operator.Eql or Operator.Neq or Operator.Lss or Operator.Lte or Operator.Gtr or Operator.Gte => 3,
        Operator.Add or Operator.Sub => 4,
        Operator.Mul or Operator.Div or Operator.Mod or Operator.Atan2 or Operator.TrimUpper or Operator.TrimLower => 5,
        _ => 6,
    };
}
