using System.Globalization;
using System.Text.Json;
using TelemetryContracts.Checks;

namespace TelemetryContracts.Testing;

/// <summary>
/// Where the contract tests find the live system. Read from a JSON file named by <c>TC_SETTINGS_FILE</c> (URLs, tenant,
/// dashboards, timeouts, and the <em>names</em> of the environment variables holding secrets), then from environment
/// variables, which win: <c>TC_METRICS_URL</c>, <c>TC_PROMETHEUS_URL</c>, <c>TC_LOKI_URL</c>, <c>TC_GRAFANA_URL</c>,
/// <c>TC_TENANT</c>, <c>TC_DASHBOARDS</c> (paths separated by the path separator), <c>TC_REQUEST_TIMEOUT_SECONDS</c>,
/// <c>TC_RUN_TIMEOUT_SECONDS</c>, and the secrets <c>TC_METRICS_TOKEN</c>, <c>TC_PROMETHEUS_TOKEN</c>,
/// <c>TC_LOKI_TOKEN</c>, <c>TC_GRAFANA_TOKEN</c> (or <c>TC_&lt;BACKEND&gt;_USER</c> + <c>TC_&lt;BACKEND&gt;_PASSWORD</c>).
/// Secrets are read only from environment variables: a secret value in the JSON file is rejected, so it cannot be committed.
/// </summary>
public sealed class ContractTestSettings
{
    private static readonly Lazy<ContractTestSettings> LazyCurrent = new(() => FromEnvironment(Environment.GetEnvironmentVariable));

    /// <summary>The settings of this test run (read once).</summary>
    public static ContractTestSettings Current => LazyCurrent.Value;

    /// <summary>The check settings to run with.</summary>
    public CheckSettings Checks { get; private init; } = new();

    /// <summary>Problems reading the settings (a missing file, a bad URL, a secret in the file); tests fail with these.</summary>
    public IReadOnlyList<string> Errors { get; private init; } = Array.Empty<string>();

    /// <summary>Where the settings came from, for skip and failure messages (never with secrets).</summary>
    public string Source { get; private init; } = "environment";

    /// <summary>Reads the settings through <paramref name="getEnvironmentVariable"/> (tests pass a dictionary).</summary>
    public static ContractTestSettings FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var errors = new List<string>();
        var file = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        var source = "environment variables";
        if (getEnvironmentVariable("TC_SETTINGS_FILE") is { Length: > 0 } path)
        {
            source = $"TC_SETTINGS_FILE ({Path.GetFileName(path)}) and environment variables";
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"TC_SETTINGS_FILE '{path}' must hold a JSON object");
                }
                else
                {
                    foreach (var p in doc.RootElement.EnumerateObject())
                    {
                        file[p.Name] = p.Value.Clone();
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                errors.Add($"TC_SETTINGS_FILE '{path}' cannot be read: {e.Message}");
            }

            foreach (var key in file.Keys)
            {
                if (key.EndsWith("token", StringComparison.OrdinalIgnoreCase) || key.EndsWith("password", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"TC_SETTINGS_FILE must not hold secrets ('{key}'): name the environment variable instead ('{key}Env')");
                }
            }
        }

        string? Str(string env, string key)
        {
            if (getEnvironmentVariable(env) is { Length: > 0 } v)
            {
                return v;
            }

            return file.TryGetValue(key, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        }

        Uri? Url(string env, string key)
        {
            var s = Str(env, key);
            if (s is null)
            {
                return null;
            }

            if (!Uri.TryCreate(s, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
            {
                errors.Add($"{env} ('{key}') is not an http(s) URL");
                return null;
            }

            if (u.UserInfo.Length > 0)
            {
                errors.Add($"{env} ('{key}') must not carry credentials in the URL; use the token/password environment variables");
                return null;
            }

            return u;
        }

        string? Secret(string env, string key)
        {
            if (getEnvironmentVariable(env) is { Length: > 0 } v)
            {
                return v;
            }

            // The file may name the variable that holds the secret: {"metricsTokenEnv": "SCANIUM_METRICS_TOKEN"}.
            return file.TryGetValue(key + "Env", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } name
                ? getEnvironmentVariable(name)
                : null;
        }

        TimeSpan Seconds(string env, string key, TimeSpan fallback)
        {
            var s = Str(env, key) ?? (file.TryGetValue(key, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetRawText() : null);
            if (s is null)
            {
                return fallback;
            }

            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v < 3600)
            {
                return TimeSpan.FromSeconds(v);
            }

            errors.Add($"{env} ('{key}') must be a number of seconds between 0 and 3600");
            return fallback;
        }

        var dashboards = new List<string>();
        if (getEnvironmentVariable("TC_DASHBOARDS") is { Length: > 0 } ds)
        {
            dashboards.AddRange(ds.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else if (file.TryGetValue("dashboards", out var dj) && dj.ValueKind == JsonValueKind.Array)
        {
            dashboards.AddRange(dj.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        }

        var checks = new CheckSettings
        {
            MetricsUrl = Url("TC_METRICS_URL", "metricsUrl"),
            MetricsToken = Secret("TC_METRICS_TOKEN", "metricsToken"),
            MetricsUsername = Str("TC_METRICS_USER", "metricsUser"),
            MetricsPassword = Secret("TC_METRICS_PASSWORD", "metricsPassword"),
            PrometheusUrl = Url("TC_PROMETHEUS_URL", "prometheusUrl"),
            PrometheusToken = Secret("TC_PROMETHEUS_TOKEN", "prometheusToken"),
            PrometheusUsername = Str("TC_PROMETHEUS_USER", "prometheusUser"),
            PrometheusPassword = Secret("TC_PROMETHEUS_PASSWORD", "prometheusPassword"),
            LokiUrl = Url("TC_LOKI_URL", "lokiUrl"),
            LokiToken = Secret("TC_LOKI_TOKEN", "lokiToken"),
            LokiUsername = Str("TC_LOKI_USER", "lokiUser"),
            LokiPassword = Secret("TC_LOKI_PASSWORD", "lokiPassword"),
            GrafanaUrl = Url("TC_GRAFANA_URL", "grafanaUrl"),
            GrafanaToken = Secret("TC_GRAFANA_TOKEN", "grafanaToken"),
            GrafanaUsername = Str("TC_GRAFANA_USER", "grafanaUser"),
            GrafanaPassword = Secret("TC_GRAFANA_PASSWORD", "grafanaPassword"),
            Tenant = Str("TC_TENANT", "tenant"),
            DashboardPaths = dashboards,
            IgnoredRules = new HashSet<string>((Str("TC_IGNORE", "ignore") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase),
            RequestTimeout = Seconds("TC_REQUEST_TIMEOUT_SECONDS", "requestTimeoutSeconds", TimeSpan.FromSeconds(10)),
            RunTimeout = Seconds("TC_RUN_TIMEOUT_SECONDS", "runTimeoutSeconds", TimeSpan.FromSeconds(60)),
        };

        return new ContractTestSettings { Checks = checks, Errors = errors, Source = source };
    }

    /// <summary>Settings built in code (tests of the kit, or a fixture that starts its own backends).</summary>
    public static ContractTestSettings From(CheckSettings checks) => new() { Checks = checks, Source = "code" };

    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Checks}";
}
