namespace TelemetryContracts.Diagnostics;

/// <summary>How serious a finding is. Exit codes and compiler diagnostics derive from it.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a run.</summary>
    Info = 0,
    /// <summary>Probably wrong or against a convention; fails only when the threshold says so.</summary>
    Warning = 1,
    /// <summary>Will break the pipeline (a panel shows "No data", a scrape fails, a name clashes).</summary>
    Error = 2,
}
