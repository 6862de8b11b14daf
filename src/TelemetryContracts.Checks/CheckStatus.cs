namespace TelemetryContracts.Checks;

/// <summary>What became of one check in a run.</summary>
public enum CheckStatus
{
    /// <summary>Ran and found no error (warnings and info may exist).</summary>
    Passed,
    /// <summary>Ran and found at least one error: a broken link.</summary>
    Failed,
    /// <summary>Not run because its backend is not configured.</summary>
    Skipped,
    /// <summary>Not run because a link it depends on is broken; not a failure of its own.</summary>
    NotChecked,
}
