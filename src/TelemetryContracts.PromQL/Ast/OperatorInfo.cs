namespace TelemetryContracts.PromQL.Ast;

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
