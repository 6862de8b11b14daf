using System.CommandLine;
using TelemetryContracts.Cli.Commands.Generate;
using TelemetryContracts.Cli.Commands.Check;
using TelemetryContracts.Cli.Commands.Fmt;
using TelemetryContracts.Cli.Commands.Lint;
using TelemetryContracts.Cli.Commands.Validate;

namespace TelemetryContracts.Cli;

/// <summary>Builds the whole command tree in one place from the per-verb definitions.</summary>
public static class CliParser
{
    /// <summary>The root command with every verb.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("telemetry-contracts: one contract per service for metric names, log labels, dashboards and scrape configs, checked end to end.");
        root.Subcommands.Add(ValidateCommandDefinition.Create());
        root.Subcommands.Add(GenerateCommandDefinition.Create());
        root.Subcommands.Add(CheckCommandDefinition.Create());
        root.Subcommands.Add(LintCommandDefinition.Create());
        root.Subcommands.Add(FmtCommandDefinition.Create());
        return root;
    }
}
