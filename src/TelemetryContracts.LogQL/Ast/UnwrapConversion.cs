namespace TelemetryContracts.LogQL.Ast;

/// <summary>Conversion function of <c>| unwrap</c>.</summary>
public enum UnwrapConversion
{
    /// <summary>Plain <c>| unwrap label</c>: the value is parsed as a float.</summary>
    None,
    /// <summary><c>bytes(label)</c></summary>
    Bytes,
    /// <summary><c>duration(label)</c></summary>
    Duration,
    /// <summary><c>duration_seconds(label)</c></summary>
    DurationSeconds,
}
