using System.CommandLine;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.Contracts;
using TelemetryContracts.Dashboards;
using TelemetryContracts.Dashboards.Model;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint;
using TelemetryContracts.Lint.Index;

namespace TelemetryContracts.Cli.Commands.Lint;

/// <summary>Runs the dashboard lint; exit codes as every verb: 0 clean, 1 findings at or above --fail-on, 2 usage or unreadable input.</summary>
public sealed class LintCommand(ParseResult parse, IReporter? reporter = null)
{
    private readonly IReporter reporter = reporter ?? ConsoleReporter.Instance;

    /// <summary>Runs the command and returns the exit code.</summary>
    public int Execute()
    {
        var paths = parse.GetValue(LintCommandDefinition.Paths) ?? Array.Empty<string>();
        var contractPaths = parse.GetValue(LintCommandDefinition.Contracts) ?? Array.Empty<string>();
        var format = parse.GetValue(CommonOptions.Format);
        var failOn = parse.GetValue(CommonOptions.FailOn);

        var missing = new List<string>();
        var contractFiles = ContractLoader.ExpandPaths(contractPaths, missing);
        var dashboards = DashboardLinter.ExpandPaths(paths, missing);
        foreach (var m in missing)
        {
            reporter.Error.WriteLine($"error: '{m}' is neither a file nor a folder.");
        }

        if (contractFiles.Count == 0)
        {
            reporter.Error.WriteLine("error: no contract files (*.telemetry.yaml, *.telemetry.yml, *.telemetry.json) found in --contracts.");
        }

        if (dashboards.Count == 0)
        {
            reporter.Error.WriteLine("error: no dashboard files (*.json) found.");
        }

        if (missing.Count > 0 || contractFiles.Count == 0 || dashboards.Count == 0)
        {
            return ExitCodes.UsageError;
        }

        var contracts = new List<TelemetryContract>();
        foreach (var file in contractFiles)
        {
            var loaded = ContractLoader.LoadFile(file);
            if (loaded.Findings.Any(f => f.Id == RuleCatalog.UnreadableFile.Id || f.Id == RuleCatalog.SyntaxError.Id))
            {
                reporter.Error.WriteLine($"error: the contract '{file}' cannot be read; run 'telemetry-contracts validate {file}'.");
                return ExitCodes.UsageError;
            }

            if (loaded.HasErrors)
            {
                reporter.Error.WriteLine($"warning: the contract '{file}' has errors; lint results may be incomplete (run 'telemetry-contracts validate').");
            }

            contracts.Add(loaded.Contract);
        }

        var libraryPanels = new Dictionary<string, Panel>(StringComparer.Ordinal);
        foreach (var file in parse.GetValue(LintCommandDefinition.LibraryPanels) ?? Array.Empty<string>())
        {
            var lib = DashboardReader.ReadLibraryPanel(file);
            if (lib.IsUnreadable || lib.Uid is null || lib.Panels.Count == 0)
            {
                var e = lib.Errors.FirstOrDefault();
                reporter.Error.WriteLine($"error: '{file}' is not a library panel export{(e is null ? " (no uid)" : $": {e.Position}: {e.Message}")}.");
                return ExitCodes.UsageError;
            }

            libraryPanels[lib.Uid] = lib.Panels[0];
        }

        var uids = parse.GetValue(LintCommandDefinition.DatasourceUids) is { Length: > 0 } u ? u : null;
        var linter = new DashboardLinter(new ContractIndex(contracts, uids), new LintOptions { LibraryPanels = libraryPanels });
        var result = linter.LintFiles(dashboards);
        FindingsRenderer.Render(format, "lint", dashboards, result.Findings, reporter.Output);
        var st = result.Statistics;
        // On stderr so that --format json stays one document on stdout.
        reporter.Error.WriteLine($"lint: {st.Dashboards} dashboard(s), {st.Panels} panel(s), {st.Queries} quer(y/ies): {st.PromQL} PromQL ({st.PromQL - st.PromQLParsed} not parsing), {st.LogQL} LogQL ({st.LogQL - st.LogQLParsed} not parsing), {st.Unchecked} not checked (other datasources).");
        if (result.Findings.Count > 0 && result.Findings.Count(f => f.Id == RuleCatalog.DashboardUnreadable.Id) == dashboards.Count)
        {
            return ExitCodes.UsageError;
        }

        return result.Findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
