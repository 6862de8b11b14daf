namespace TelemetryContracts.Cli;

/// <summary>Documented exit codes, the same for every verb.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the failure threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at error level (or at the threshold set with --fail-on).</summary>
    public const int Findings = 1;

    /// <summary>Bad usage, or input that could not be read at all.</summary>
    public const int UsageError = 2;
}
