using Xunit;
using System.Collections.Concurrent;
using System.Text;
using TelemetryContracts.Checks;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Testing;

/// <summary>
/// The assertions generated contract tests call, one per declared metric or log stream and backend. Each skips
/// (Xunit.SkippableFact) with a clear reason when its backend is not configured, and fails with the check's finding
/// text otherwise. The checks behind them run once per contract and backend per test run and are shared, so a
/// hundred per-metric tests still make a constant number of requests.
/// </summary>
public static class ContractAssert
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<DoctorReport>>> Reports = new(StringComparer.Ordinal);

    /// <summary>The metrics endpoint serves <paramref name="metricFullName"/> as declared (name, type, labels, buckets, closed values).</summary>
    public static Task MetricIsServedByMetricsEndpointAsync(string contractPath, string metricFullName, ContractTestSettings? settings = null) =>
        AssertMetricAsync(contractPath, metricFullName, BackendKind.MetricsEndpoint, settings);

    /// <summary>Prometheus (or Mimir, VictoriaMetrics) has series of <paramref name="metricFullName"/> for the contract's job, with the declared labels.</summary>
    public static Task MetricHasSeriesInPrometheusAsync(string contractPath, string metricFullName, ContractTestSettings? settings = null) =>
        AssertMetricAsync(contractPath, metricFullName, BackendKind.Prometheus, settings);

    /// <summary>Loki has the stream's labels and values, recent lines, and lines that parse as JSON with the declared fields.</summary>
    public static async Task LogStreamHasLinesInLokiAsync(string contractPath, string streamName, ContractTestSettings? settings = null)
    {
        var (contract, report) = await RunAsync(contractPath, BackendKind.Loki, settings).ConfigureAwait(false);
        if (contract.Logs.All(l => l.Name != streamName))
        {
            throw new ContractAssertException($"The contract {contractPath} declares no log stream '{streamName}' (it declares: {string.Join(", ", contract.Logs.Select(l => l.Name))}).");
        }

        Fail(report, f => f.Location.Path is { } p && (p == "logs." + streamName || p.StartsWith("logs." + streamName + ".", StringComparison.Ordinal)), $"log stream '{streamName}'");
    }

    /// <summary>Grafana is healthy, has every datasource uid the generated dashboards use, and has the dashboards.</summary>
    public static async Task DashboardsAreProvisionedInGrafanaAsync(string contractPath, ContractTestSettings? settings = null)
    {
        var (_, report) = await RunAsync(contractPath, BackendKind.Grafana, settings).ConfigureAwait(false);
        Fail(report, _ => true, "the generated dashboards");
    }

    /// <summary>The whole pipeline for the contract: every configured backend, first broken link first.</summary>
    public static async Task ContractIsSatisfiedAsync(string contractPath, ContractTestSettings? settings = null)
    {
        settings ??= ContractTestSettings.Current;
        ThrowOnSettingsErrors(settings);
        var contract = Load(contractPath);
        var c = settings.Checks;
        Skip.If(c.MetricsUrl is null && c.PrometheusUrl is null && c.LokiUrl is null && c.GrafanaUrl is null,
            $"No backend is configured (TC_METRICS_URL, TC_PROMETHEUS_URL, TC_LOKI_URL, TC_GRAFANA_URL or TC_SETTINGS_FILE; read from {settings.Source}).");
        var report = await Doctor.RunAsync(contract, c).ConfigureAwait(false);
        Fail(report, _ => true, "the contract");
    }

    private static async Task AssertMetricAsync(string contractPath, string metricFullName, BackendKind backend, ContractTestSettings? settings)
    {
        var (contract, report) = await RunAsync(contractPath, backend, settings).ConfigureAwait(false);
        var metric = contract.FindMetric(metricFullName)
                     ?? throw new ContractAssertException($"The contract {contractPath} declares no metric '{metricFullName}'.");
        Fail(report, f => IsAbout(f, metric), $"metric '{metric.FullName}'");
    }

    /// <summary>Runs (once, shared) the checks of one backend for the contract, or skips when the backend is not configured.</summary>
    internal static async Task<(TelemetryContract Contract, DoctorReport Report)> RunAsync(string contractPath, BackendKind backend, ContractTestSettings? settings)
    {
        settings ??= ContractTestSettings.Current;
        ThrowOnSettingsErrors(settings);
        var contract = Load(contractPath);
        var configured = backend switch
        {
            BackendKind.MetricsEndpoint => settings.Checks.MetricsUrl,
            BackendKind.Prometheus => settings.Checks.PrometheusUrl,
            BackendKind.Loki => settings.Checks.LokiUrl,
            _ => settings.Checks.GrafanaUrl,
        };
        Skip.If(configured is null, $"Skipped: {Doctor.NotConfigured(backend)}; settings read from {settings.Source}.");
        var checks = CheckRegistry.All.Where(c => c.Backend == backend).ToList();
        // Settings print secrets only as set/unset; two runs with different tokens must not share a result, so the key
        // carries a hash of them (kept in memory, never printed).
        var secretHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0001", settings.Checks.Secrets().Select(x => x ?? "")) + "\u0001" + settings.Checks.MetricsUsername + settings.Checks.PrometheusUsername + settings.Checks.LokiUsername + settings.Checks.GrafanaUsername)));
        var key = Path.GetFullPath(contractPath) + "|" + backend + "|" + settings + "|" + string.Join(",", settings.Checks.DashboardPaths) + "|" + string.Join(",", settings.Checks.IgnoredRules) + "|" + secretHash;
        var lazy = Reports.GetOrAdd(key, _ => new Lazy<Task<DoctorReport>>(() => Doctor.RunAsync(contract, settings.Checks, checks)));
        return (contract, await lazy.Value.ConfigureAwait(false));
    }

    /// <summary>Forgets shared results (a fixture that restarts a backend between tests calls it).</summary>
    public static void Reset() => Reports.Clear();

    private static void Fail(DoctorReport report, Func<Finding, bool> concerns, string subject)
    {
        // A broken link before the subject's own checks (endpoint unreachable, exposition unparsable) fails every test
        // of that backend with the cause, not with "metric missing".
        var blocking = report.Findings.Where(f => f.Severity == Severity.Error && !IsElementFinding(f)).ToList();
        var own = report.Findings.Where(f => f.Severity == Severity.Error && concerns(f)).ToList();
        var failing = blocking.Concat(own).Distinct().ToList();
        if (failing.Count == 0)
        {
            return;
        }

        var sb = new StringBuilder();
        sb.Append("The live system does not serve ").Append(subject).Append(" as the contract ").Append(report.ContractFile).AppendLine(" declares:");
        foreach (var f in failing)
        {
            sb.AppendLine(f.ToString());
            if (f.Evidence is { Length: > 0 } e)
            {
                sb.Append("    evidence: ").AppendLine(e.Replace("\n", "\n              ", StringComparison.Ordinal));
            }

            sb.Append("    hint: ").AppendLine(f.Hint);
            sb.Append("    docs: docs/rules/").Append(f.Id).AppendLine(".md");
        }

        throw new ContractAssertException(sb.ToString().TrimEnd());
    }

    private static bool IsElementFinding(Finding f) =>
        f.Location.Path is { } p && (p.StartsWith("metrics.", StringComparison.Ordinal) || p.StartsWith("logs.", StringComparison.Ordinal) || p.StartsWith("labels.", StringComparison.Ordinal));

    private static bool IsAbout(Finding f, MetricDefinition metric)
    {
        if (f.Location.Path is { } p && (p == "metrics." + metric.Name || p.StartsWith("metrics." + metric.Name + ".", StringComparison.Ordinal)))
        {
            return true;
        }

        // Closed-value findings point at the label declaration; they name the metric in the message.
        return f.Location.Path is { } lp && lp.StartsWith("labels.", StringComparison.Ordinal) && f.Message.Contains("'" + metric.FullName + "'", StringComparison.Ordinal);
    }

    private static TelemetryContract Load(string contractPath)
    {
        var result = ContractLoader.LoadFile(contractPath);
        var errors = result.Findings.Where(f => f.Severity == Severity.Error).ToList();
        if (result.Contract is null || errors.Count > 0)
        {
            throw new ContractAssertException($"The contract {contractPath} is not valid:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }

        return result.Contract;
    }

    private static void ThrowOnSettingsErrors(ContractTestSettings settings)
    {
        if (settings.Errors.Count > 0)
        {
            throw new ContractAssertException("The contract test settings are invalid:\n" + string.Join("\n", settings.Errors));
        }
    }
}
