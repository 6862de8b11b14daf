using System.Diagnostics;
using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>
/// Walks the pipeline service → scrape → TSDB → Loki → Grafana in <see cref="CheckRegistry"/> order and names the
/// first broken link. A check whose dependency failed is reported as not checked (it would only repeat the cause).
/// The whole run is bounded by <see cref="CheckSettings.RunTimeout"/>; every finding is redacted before it leaves.
/// </summary>
public static class Doctor
{
    /// <summary>Runs <paramref name="checks"/> (default: all) against the configured backends.</summary>
    public static async Task<DoctorReport> RunAsync(TelemetryContract contract, CheckSettings settings, IReadOnlyList<ICheck>? checks = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        using var context = new CheckContext(contract, settings);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.RunTimeout);
        var results = new List<CheckResult>();
        var byId = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var budgetReported = false;
        foreach (var check in checks ?? CheckRegistry.All)
        {
            var result = await RunOneAsync(check, context, byId, budget.Token, budgetReported, cancellationToken).ConfigureAwait(false);
            budgetReported |= result.Findings.Any(f => f.Id == RuleCatalog.RunDeadlineExceeded.Id);
            results.Add(result);
            byId[check.Id] = result;
        }

        return new DoctorReport(contract.FilePath, contract.Service, results) { Elapsed = stopwatch.Elapsed };
    }

    private static async Task<CheckResult> RunOneAsync(ICheck check, CheckContext context, Dictionary<string, CheckResult> done, CancellationToken budget, bool budgetReported, CancellationToken caller)
    {
        if (context.Endpoint(check.Backend) is null)
        {
            return new CheckResult(check, CheckStatus.Skipped, Array.Empty<Finding>(), NotConfigured(check.Backend));
        }

        if (check.NotApplicable(context) is { } reason)
        {
            return new CheckResult(check, CheckStatus.Skipped, Array.Empty<Finding>(), reason);
        }

        foreach (var dependency in check.DependsOn)
        {
            if (done.TryGetValue(dependency, out var d) && d.Status is CheckStatus.Failed or CheckStatus.NotChecked)
            {
                return new CheckResult(check, CheckStatus.NotChecked, Array.Empty<Finding>(),
                    d.Status == CheckStatus.Failed ? $"'{d.Check.Title}' ({dependency}) failed" : $"it needs '{d.Check.Title}' ({dependency}), which was not checked");
            }
        }

        if (budget.IsCancellationRequested && !caller.IsCancellationRequested && budgetReported)
        {
            return new CheckResult(check, CheckStatus.NotChecked, Array.Empty<Finding>(), "the run's time budget was exhausted");
        }

        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<Finding> findings;
        try
        {
            budget.ThrowIfCancellationRequested();
            findings = await check.RunAsync(context, budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            findings = new[] { RuleCatalog.RunDeadlineExceeded.At(new FindingLocation { Path = check.Id }, check.Id, MetricSeriesInTsdbCheck.Duration(context.Settings.RunTimeout)) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in a check must not hide the links after it; it becomes a finding, with the message only (no stack, no secrets).
            findings = new[] { RuleCatalog.CheckCrashed.At(new FindingLocation { Path = check.Id }, check.Id, e.GetType().Name + ": " + e.Message) };
        }

        var redacted = findings.Where(f => !context.Settings.IgnoredRules.Contains(f.Id)).Select(f => Redact(f, context.Redactor)).ToList();
        var status = redacted.Any(f => f.Severity == Severity.Error) ? CheckStatus.Failed : CheckStatus.Passed;
        return new CheckResult(check, status, redacted) { Elapsed = stopwatch.Elapsed };
    }

    /// <summary>The reason a backend's checks are skipped.</summary>
    public static string NotConfigured(BackendKind kind) => kind switch
    {
        BackendKind.MetricsEndpoint => "no metrics URL configured (--metrics-url, TC_METRICS_URL)",
        BackendKind.Prometheus => "no Prometheus URL configured (--prometheus-url, TC_PROMETHEUS_URL)",
        BackendKind.Loki => "no Loki URL configured (--loki-url, TC_LOKI_URL)",
        _ => "no Grafana URL configured (--grafana-url, TC_GRAFANA_URL)",
    };

    private static Finding Redact(Finding f, SecretRedactor r) => f with
    {
        Message = r.Redact(f.Message)!,
        Hint = r.Redact(f.Hint)!,
        Evidence = r.Redact(f.Evidence),
        Location = f.Location with { Url = r.Redact(f.Location.Url), Path = r.Redact(f.Location.Path) },
    };
}
