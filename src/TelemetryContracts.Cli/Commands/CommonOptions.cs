using System.CommandLine;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Commands;

/// <summary>Options every verb shares, defined once so they mean the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary><c>--format text|json</c>.</summary>
    public static readonly Option<OutputFormat> Format = new("--format", "-f")
    {
        Description = "Output format: text or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    /// <summary><c>--fail-on error|warning|info</c>: the lowest severity that makes the exit code 1.</summary>
    public static readonly Option<Severity> FailOn = new("--fail-on")
    {
        Description = "Lowest severity that fails the run (exit code 1): error, warning or info.",
        DefaultValueFactory = _ => Severity.Error,
    };
}
