using System.CommandLine;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Commands.Validate;

/// <summary>Validates contracts and renders every finding; exit 0 clean, 1 findings at the threshold, 2 no readable input.</summary>
public sealed class ValidateCommand(ParseResult parse, IReporter? reporter = null)
{
    private readonly IReporter reporter = reporter ?? ConsoleReporter.Instance;

    /// <summary>Runs the verb and returns the exit code.</summary>
    public int Execute()
    {
        var paths = parse.GetValue(ValidateCommandDefinition.Paths) ?? Array.Empty<string>();
        var format = parse.GetValue(CommonOptions.Format);
        var failOn = parse.GetValue(CommonOptions.FailOn);
        if (ContractInputs.Resolve(paths, reporter) is not { } files)
        {
            return ExitCodes.UsageError;
        }

        var findings = new List<Finding>();
        foreach (var file in files)
        {
            findings.AddRange(ContractLoader.LoadFile(file).Findings);
        }

        FindingsRenderer.Render(format, "validate", files, findings, reporter.Output);
        if (findings.Any(f => f.Id == RuleCatalog.UnreadableFile.Id) && findings.All(f => f.Id == RuleCatalog.UnreadableFile.Id))
        {
            return ExitCodes.UsageError;
        }

        return findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
