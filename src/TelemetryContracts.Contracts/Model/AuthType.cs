namespace TelemetryContracts.Contracts;

/// <summary>How the <c>/metrics</c> endpoint is protected.</summary>
public enum AuthType
{
    /// <summary>No authentication.</summary>
    None,
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    Bearer,
    /// <summary>HTTP basic authentication.</summary>
    Basic,
}
