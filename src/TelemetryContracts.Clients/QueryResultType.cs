namespace TelemetryContracts.Clients;

/// <summary>The <c>resultType</c> of a Prometheus or Loki query.</summary>
public enum QueryResultType
{
    /// <summary>An instant vector.</summary>
    Vector,

    /// <summary>A range vector (matrix).</summary>
    Matrix,

    /// <summary>A scalar.</summary>
    Scalar,

    /// <summary>A string.</summary>
    String,

    /// <summary>Loki log streams.</summary>
    Streams,
}
