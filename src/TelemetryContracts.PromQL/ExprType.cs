namespace TelemetryContracts.PromQL;

/// <summary>The value type of an expression, as Prometheus's <c>parser.ValueType</c>.</summary>
public enum ExprType
{
    /// <summary>No value (an invalid expression).</summary>
    None,
    /// <summary>A single number.</summary>
    Scalar,
    /// <summary>One sample per series.</summary>
    Vector,
    /// <summary>A range of samples per series.</summary>
    Matrix,
    /// <summary>A string literal.</summary>
    String,
}

/// <summary>Names of <see cref="ExprType"/> as Prometheus prints them in messages.</summary>
public static class ExprTypeNames
{
    /// <summary>"instant vector", "range vector", "scalar", "string", "none" (Prometheus's DocumentedType).</summary>
    public static string Documented(this ExprType t) => t switch
    {
        ExprType.Vector => "instant vector",
        ExprType.Matrix => "range vector",
        ExprType.Scalar => "scalar",
        ExprType.String => "string",
        _ => "none",
    };

    /// <summary>"vector", "matrix", "scalar", "string", "none" (Prometheus's ValueType string).</summary>
    public static string Short(this ExprType t) => t switch
    {
        ExprType.Vector => "vector",
        ExprType.Matrix => "matrix",
        ExprType.Scalar => "scalar",
        ExprType.String => "string",
        _ => "none",
    };
}
