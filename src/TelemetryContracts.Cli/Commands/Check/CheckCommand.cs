using System.CommandLine;
using TelemetryContracts.Checks;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Cli.Output;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Commands.Check;

/// <summary>
/// Runs the doctor and renders its report. Exit codes as for <c>validate</c>: 0 every configured link holds,
/// 1 findings at or above <c>--fail-on</c>, 2 usage or configuration error (unreadable contract, bad URL, unset secret variable).
/// </summary>
public sealed class CheckCommand(ParseResult parse, IReporter? reporter = null, Func<string, string?>? getEnvironmentVariable = null, HttpMessageHandler? handler = null)
{
    private readonly IReporter reporter = reporter ?? ConsoleReporter.Instance;
    private readonly Func<string, string?> getenv = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;

    /// <summary>Runs the verb and returns the exit code.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var secrets = new List<string?>();
        var contractPath = parse.GetValue(CheckCommandDefinition.Contract)!;
        var load = File.Exists(contractPath) ? ContractLoader.LoadFile(contractPath) : null;
        if (load is null)
        {
            reporter.Error.WriteLine($"error: the contract file '{contractPath}' does not exist.");
            return ExitCodes.UsageError;
        }

        if (load.HasErrors)
        {
            reporter.Error.WriteLine($"error: the contract '{contractPath}' is not valid; run 'telemetry-contracts validate {contractPath}':");
            foreach (var f in load.Findings.Where(f => f.Severity == Severity.Error))
            {
                reporter.Error.WriteLine("  " + f);
            }

            return ExitCodes.UsageError;
        }

        var contract = load.Contract;
        (string? Token, string? User, string? Password) Credential(string backend, string? contractTokenEnv = null)
        {
            var (tokenEnv, tokenFile, user, passwordEnv, passwordFile) = CheckCommandDefinition.Credentials[backend];
            var token = Secret(parse.GetValue(tokenEnv) ?? contractTokenEnv, parse.GetValue(tokenFile), $"--{backend}-token-env", $"--{backend}-token-file", errors, explicitEnv: parse.GetValue(tokenEnv) is not null);
            var password = Secret(parse.GetValue(passwordEnv), parse.GetValue(passwordFile), $"--{backend}-password-env", $"--{backend}-password-file", errors, explicitEnv: true);
            secrets.Add(token);
            secrets.Add(password);
            return (token, parse.GetValue(user), password);
        }

        // The contract names the variable holding the scrape token (scrape.auth.token_env); use it when set.
        var metrics = Credential("metrics", contract.Scrape?.Auth.TokenEnv);
        var prometheus = Credential("prometheus");
        var loki = Credential("loki");
        var grafana = Credential("grafana");
        var settings = new CheckSettings
        {
            MetricsUrl = Url(CheckCommandDefinition.MetricsUrl, errors),
            MetricsToken = metrics.Token,
            MetricsUsername = metrics.User,
            MetricsPassword = metrics.Password,
            PrometheusUrl = Url(CheckCommandDefinition.PrometheusUrl, errors),
            PrometheusToken = prometheus.Token,
            PrometheusUsername = prometheus.User,
            PrometheusPassword = prometheus.Password,
            LokiUrl = Url(CheckCommandDefinition.LokiUrl, errors),
            LokiToken = loki.Token,
            LokiUsername = loki.User,
            LokiPassword = loki.Password,
            GrafanaUrl = Url(CheckCommandDefinition.GrafanaUrl, errors),
            GrafanaToken = grafana.Token,
            GrafanaUsername = grafana.User,
            GrafanaPassword = grafana.Password,
            Tenant = parse.GetValue(CheckCommandDefinition.Tenant),
            DashboardPaths = parse.GetValue(CheckCommandDefinition.Dashboards) ?? Array.Empty<string>(),
            RequestTimeout = Seconds(CheckCommandDefinition.Timeout, errors),
            RunTimeout = Seconds(CheckCommandDefinition.RunTimeout, errors),
            HttpHandler = handler,
            IgnoredRules = new HashSet<string>((parse.GetValue(CheckCommandDefinition.Ignore) ?? Array.Empty<string>()).SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), StringComparer.OrdinalIgnoreCase),
        };

        var redactor = new SecretRedactor(settings.Secrets());
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                reporter.Error.WriteLine("error: " + redactor.Redact(e));
            }

            return ExitCodes.UsageError;
        }

        if (settings.MetricsUrl is null && settings.PrometheusUrl is null && settings.LokiUrl is null && settings.GrafanaUrl is null)
        {
            reporter.Error.WriteLine("error: nothing to check: give at least one of --metrics-url, --prometheus-url, --loki-url, --grafana-url.");
            return ExitCodes.UsageError;
        }

        var report = await Doctor.RunAsync(contract, settings, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        switch (parse.GetValue(CheckCommandDefinition.Format))
        {
            case ReportFormat.Json:
                DoctorJsonRenderer.Render(report, buffer);
                break;
            case ReportFormat.Sarif:
                SarifRenderer.Render(report, buffer);
                break;
            case ReportFormat.Junit:
                JunitRenderer.Render(report, buffer);
                break;
            case ReportFormat.Markdown:
                MarkdownRenderer.Render(report, buffer);
                break;
            default:
                DoctorTextRenderer.Render(report, buffer);
                break;
        }

        // Findings are redacted already; the whole output is scrubbed once more so no renderer can leak a secret.
        reporter.Output.Write(redactor.Redact(buffer.ToString()));
        var failOn = parse.GetValue(CommonOptions.FailOn);
        return report.Findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private string? Secret(string? envName, string? file, string envOption, string fileOption, List<string> errors, bool explicitEnv)
    {
        if (envName is { Length: > 0 })
        {
            var value = getenv(envName);
            if (value is { Length: > 0 })
            {
                return value.Trim();
            }

            if (explicitEnv)
            {
                errors.Add($"{envOption}: the environment variable '{envName}' is not set");
            }
        }

        if (file is { Length: > 0 })
        {
            try
            {
                return File.ReadAllText(file).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The message names the file, never its content.
                errors.Add($"{fileOption}: cannot read '{file}': {e.GetType().Name}");
            }
        }

        return null;
    }

    private Uri? Url(Option<string?> option, List<string> errors)
    {
        var value = parse.GetValue(option);
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            errors.Add($"{option.Name}: '{value}' is not an http:// or https:// URL");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            errors.Add($"{option.Name}: credentials in the URL are not accepted (they would appear in output); use --*-token-env or --*-password-env");
            return null;
        }

        return uri;
    }

    private TimeSpan Seconds(Option<double> option, List<string> errors)
    {
        var v = parse.GetValue(option);
        if (v is > 0 and <= 3600)
        {
            return TimeSpan.FromSeconds(v);
        }

        errors.Add($"{option.Name}: must be between 0 and 3600 seconds");
        return TimeSpan.FromSeconds(10);
    }
}
