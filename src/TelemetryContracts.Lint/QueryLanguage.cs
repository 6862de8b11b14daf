namespace TelemetryContracts.Lint;

/// <summary>The language of a checked query.</summary>
public enum QueryLanguage
{
    /// <summary>PromQL.</summary>
    PromQL,

    /// <summary>LogQL.</summary>
    LogQL,
}
