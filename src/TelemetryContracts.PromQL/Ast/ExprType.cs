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
