using TelemetryContracts.Cli;
using TelemetryContracts.Cli.Commands.Check;
using TelemetryContracts.Cli.Output;

namespace TelemetryContracts.Checks.Tests;

/// <summary>Runs the real command tree (CliParser) with captured output and a given environment.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Output, string Error)> RunCheckAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var parse = CliParser.CreateRoot().Parse(args);
        var output = new StringWriter();
        var error = new StringWriter();
        if (parse.Errors.Count > 0)
        {
            return (ExitCodes.UsageError, "", string.Join("\n", parse.Errors.Select(e => e.Message)));
        }

        var command = new CheckCommand(parse, new WriterReporter(output, error), name => environment.TryGetValue(name, out var v) ? v : null);
        var code = await command.ExecuteAsync();
        return (code, output.ToString(), error.ToString());
    }
}
