using TelemetryContracts.Cli;

var root = CliParser.CreateRoot();
var result = root.Parse(args);
if (result.Errors.Count > 0)
{
    foreach (var e in result.Errors)
    {
        Console.Error.WriteLine("error: " + e.Message);
    }

    Console.Error.WriteLine("Run 'telemetry-contracts --help' for usage.");
    return TelemetryContracts.Cli.ExitCodes.UsageError;
}

return result.Invoke();
