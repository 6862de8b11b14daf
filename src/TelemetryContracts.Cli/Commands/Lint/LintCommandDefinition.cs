using System.CommandLine;

namespace TelemetryContracts.Cli.Commands.Lint;

/// <summary>The <c>lint</c> verb: check hand-written Grafana dashboards against contracts.</summary>
public static class LintCommandDefinition
{
    /// <summary>Dashboard files or folders.</summary>
    public static readonly Argument<string[]> Paths = new("dashboards")
    {
        Description = "Dashboard JSON files or folders (folders: every *.json below).",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Contract files or folders.</summary>
    public static readonly Option<string[]> Contracts = new("--contracts", "-c")
    {
        Description = "Contract files or folders the dashboards must agree with (repeatable).",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Datasource UIDs the provisioning creates.</summary>
    public static readonly Option<string[]> DatasourceUids = new("--datasource-uid")
    {
        Description = "Datasource UIDs the Grafana provisioning creates (repeatable; default: "
            + new Generation.GenerationOptions().PrometheusDatasourceUid + ", " + new Generation.GenerationOptions().LokiDatasourceUid
            + ", as the generated provisioning names them).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Exported library panels.</summary>
    public static readonly Option<string[]> LibraryPanels = new("--library-panels")
    {
        Description = "Exported library panel JSON files, so panels that reference them are checked too (repeatable).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("lint", "Lint Grafana dashboards against contracts: which panels will show \"No data\", and why.");
        command.Arguments.Add(Paths);
        command.Options.Add(Contracts);
        command.Options.Add(DatasourceUids);
        command.Options.Add(LibraryPanels);
        command.Options.Add(CommonOptions.Format);
        command.Options.Add(CommonOptions.FailOn);
        command.SetAction(parse => new LintCommand(parse).Execute());
        return command;
    }
}
