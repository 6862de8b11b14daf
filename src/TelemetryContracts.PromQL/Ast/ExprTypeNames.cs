namespace TelemetryContracts.PromQL;

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
