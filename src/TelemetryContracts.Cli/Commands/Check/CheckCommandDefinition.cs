using System.CommandLine;
using TelemetryContracts.Cli.Output;

namespace TelemetryContracts.Cli.Commands.Check;

/// <summary>
/// The <c>check</c> verb (alias <c>doctor</c>): options. Secrets are never option values (they would sit in shell
/// history and process listings): only the name of an environment variable or a file path holding them.
/// </summary>
public static class CheckCommandDefinition
{
    /// <summary>The contract file.</summary>
    public static readonly Option<string> Contract = new("--contract", "-c") { Description = "The contract file (*.telemetry.yaml|yml|json).", Required = true };

    /// <summary>The service's metrics URL.</summary>
    public static readonly Option<string?> MetricsUrl = new("--metrics-url") { Description = "The service's metrics URL, e.g. http://127.0.0.1:8080/metrics." };

    /// <summary>Prometheus' base URL.</summary>
    public static readonly Option<string?> PrometheusUrl = new("--prometheus-url") { Description = "Prometheus base URL; Mimir/VictoriaMetrics with the prefix, e.g. http://mimir:8080/prometheus." };

    /// <summary>Loki's base URL.</summary>
    public static readonly Option<string?> LokiUrl = new("--loki-url") { Description = "Loki base URL, e.g. http://loki:3100." };

    /// <summary>Grafana's base URL.</summary>
    public static readonly Option<string?> GrafanaUrl = new("--grafana-url") { Description = "Grafana base URL, e.g. http://grafana:3000." };

    /// <summary>The tenant.</summary>
    public static readonly Option<string?> Tenant = new("--tenant") { Description = "Tenant sent as X-Scope-OrgID to Mimir and Loki." };

    /// <summary>Generated dashboards.</summary>
    public static readonly Option<string[]> Dashboards = new("--dashboards") { Description = "Generated dashboard JSON files or folders whose datasource and dashboard UIDs Grafana must have.", AllowMultipleArgumentsPerToken = true };

    /// <summary>Per-request timeout.</summary>
    public static readonly Option<double> Timeout = new("--timeout") { Description = "Seconds each request may take (connect, headers and body).", DefaultValueFactory = _ => 10 };

    /// <summary>Whole-run budget.</summary>
    public static readonly Option<double> RunTimeout = new("--run-timeout") { Description = "Seconds the whole run may take.", DefaultValueFactory = _ => 60 };

    /// <summary>Rule IDs to ignore.</summary>
    public static readonly Option<string[]> Ignore = new("--ignore") { Description = "Rule IDs whose findings are dropped, e.g. --ignore TC5027 TC5016.", AllowMultipleArgumentsPerToken = true };

    /// <summary>The report format.</summary>
    public static readonly Option<ReportFormat> Format = new("--format", "-f") { Description = "Output format: text, json, sarif, junit or markdown.", DefaultValueFactory = _ => ReportFormat.Text };

    /// <summary>Per backend: --X-token-env, --X-token-file, --X-user, --X-password-env, --X-password-file.</summary>
    public static readonly IReadOnlyDictionary<string, (Option<string?> TokenEnv, Option<string?> TokenFile, Option<string?> User, Option<string?> PasswordEnv, Option<string?> PasswordFile)> Credentials =
        new[] { "metrics", "prometheus", "loki", "grafana" }.ToDictionary(b => b, b => (
            new Option<string?>($"--{b}-token-env") { Description = $"Name of the environment variable holding the {b} bearer token." },
            new Option<string?>($"--{b}-token-file") { Description = $"File holding the {b} bearer token." },
            new Option<string?>($"--{b}-user") { Description = $"Basic-auth user for {b}." },
            new Option<string?>($"--{b}-password-env") { Description = $"Name of the environment variable holding the {b} basic-auth password." },
            new Option<string?>($"--{b}-password-file") { Description = $"File holding the {b} basic-auth password." }));

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("check", "Check the live system against a contract: service → scrape → TSDB → Loki → Grafana; prints the first broken link with its evidence, and everything checked.");
        command.Aliases.Add("doctor");
        foreach (var o in new Option[] { Contract, MetricsUrl, PrometheusUrl, LokiUrl, GrafanaUrl, Tenant, Dashboards, Timeout, RunTimeout, Ignore, Format, CommonOptions.FailOn })
        {
            command.Options.Add(o);
        }

        foreach (var (tokenEnv, tokenFile, user, passwordEnv, passwordFile) in Credentials.Values)
        {
            command.Options.Add(tokenEnv);
            command.Options.Add(tokenFile);
            command.Options.Add(user);
            command.Options.Add(passwordEnv);
            command.Options.Add(passwordFile);
        }

        command.SetAction((parse, cancellationToken) => new CheckCommand(parse).ExecuteAsync(cancellationToken));
        return command;
    }
}
