using System.CommandLine;
using TelemetryContracts.Cli.Output;

namespace TelemetryContracts.Cli.Commands.Validate;

/// <summary>The <c>validate</c> verb: arguments and options.</summary>
public static class ValidateCommandDefinition
{
    /// <summary>Contract files or folders (folders are searched for <c>*.telemetry.yaml|yml|json</c>).</summary>
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Contract files or folders to validate (folders: every *.telemetry.yaml|yml|json below).",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("validate", "Validate telemetry contracts: syntax, names, units, labels, buckets, streams, SLOs.");
        command.Arguments.Add(Paths);
        command.Options.Add(CommonOptions.Format);
        command.Options.Add(CommonOptions.FailOn);
        command.SetAction(parse => new ValidateCommand(parse).Execute());
        return command;
    }
}
