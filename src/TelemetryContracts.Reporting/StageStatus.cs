namespace TelemetryContracts.Reporting;

/// <summary>The state of one link of the pipeline, one metric or one panel.</summary>
public enum StageStatus
{
    /// <summary>Checked and holds.</summary>
    Ok,
    /// <summary>Holds with a warning.</summary>
    Warning,
    /// <summary>Checked and broken.</summary>
    Failed,
    /// <summary>Not checked: a link before it is broken, or no backend was configured.</summary>
    NotChecked,
}
