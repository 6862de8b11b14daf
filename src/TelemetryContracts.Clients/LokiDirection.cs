namespace TelemetryContracts.Clients;

/// <summary>The order Loki returns log entries in.</summary>
public enum LokiDirection
{
    /// <summary>Newest first (Loki's default).</summary>
    Backward,

    /// <summary>Oldest first.</summary>
    Forward,
}
