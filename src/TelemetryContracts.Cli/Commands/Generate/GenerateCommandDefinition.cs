using System.CommandLine;

namespace TelemetryContracts.Cli.Commands.Generate;

/// <summary>The <c>generate</c> verb: arguments and options.</summary>
public static class GenerateCommandDefinition
{
    /// <summary>Contract files or folders.</summary>
    public static readonly Argument<string[]> Paths = new("contracts")
    {
        Description = "Contract files or folders (folders: every *.telemetry.yaml|yml|json below).",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary><c>--out</c>: the output folder.</summary>
    public static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "Folder to write dashboards, provisioning, Prometheus and log-collector files into.",
        Required = true,
    };

    /// <summary><c>--prometheus-uid</c>.</summary>
    public static readonly Option<string?> PrometheusUid = new("--prometheus-uid")
    {
        Description = "UID of the Prometheus datasource (dashboards and provisioning); default telemetry-prometheus.",
    };

    /// <summary><c>--loki-uid</c>.</summary>
    public static readonly Option<string?> LokiUid = new("--loki-uid")
    {
        Description = "UID of the Loki datasource (dashboards and provisioning); default telemetry-loki.",
    };

    /// <summary><c>--grafana-folder</c>.</summary>
    public static readonly Option<string?> GrafanaFolder = new("--grafana-folder")
    {
        Description = "Grafana folder of the provisioned dashboards; default \"Telemetry Contracts\".",
    };

    /// <summary><c>--secrets-dir</c>.</summary>
    public static readonly Option<string?> SecretsDirectory = new("--secrets-dir")
    {
        Description = "Folder in the Prometheus container holding <job>.token / <job>.password files; default /etc/prometheus/secrets.",
    };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("generate", "Generate Grafana dashboards and provisioning, Prometheus scrape config and rules, and Alloy/Promtail configs from contracts (files are rewritten only when they change).");
        command.Arguments.Add(Paths);
        command.Options.Add(Out);
        command.Options.Add(PrometheusUid);
        command.Options.Add(LokiUid);
        command.Options.Add(GrafanaFolder);
        command.Options.Add(SecretsDirectory);
        command.Options.Add(CommonOptions.Format);
        command.SetAction(parse => new GenerateCommand(parse).Execute());
        return command;
    }
}
