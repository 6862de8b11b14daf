using TelemetryContracts.Cli.Output;
using TelemetryContracts.Contracts;

namespace TelemetryContracts.Cli.Commands;

/// <summary>Turns the contract paths a verb was given into files, the same way (and with the same messages) for every verb.</summary>
public static class ContractInputs
{
    /// <summary>
    /// Expands <paramref name="paths"/> (files, or folders searched for <c>*.telemetry.*</c>). Returns null after
    /// reporting the problem when a path does not exist or nothing was found: the verb then exits with 2.
    /// </summary>
    public static IReadOnlyList<string>? Resolve(IEnumerable<string> paths, IReporter reporter)
    {
        var missing = new List<string>();
        var files = ContractLoader.ExpandPaths(paths, missing);
        foreach (var m in missing)
        {
            reporter.Error.WriteLine($"error: '{m}' is neither a contract file nor a folder.");
        }

        if (files.Count == 0)
        {
            reporter.Error.WriteLine("error: no contract files (*.telemetry.yaml, *.telemetry.yml, *.telemetry.json) found.");
        }

        return missing.Count > 0 || files.Count == 0 ? null : files;
    }
}
