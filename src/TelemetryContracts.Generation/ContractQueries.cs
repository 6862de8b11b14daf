using System.Globalization;
using System.Text;
using TelemetryContracts.Contracts;
using TelemetryContracts.Generation.Text;

namespace TelemetryContracts.Generation;

/// <summary>Query pieces shared by the dashboard and the rules, so a panel and its alert ask the same question.</summary>
internal static class ContractQueries
{
    private static readonly HashSet<string> FailureValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "error", "errors", "failure", "failed", "fail", "timeout", "timed_out",
    };

    /// <summary>The <c>job="..."</c> matcher every metric query carries: the job the generated scrape config sets.</summary>
    public static string JobMatcher(TelemetryContract contract) => PromQl.Eq("job", contract.Job);

    /// <summary>
    /// Matchers that select the failed requests of a counter: the error matchers of an error-ratio SLO on it, else an
    /// int status label (5xx), else a closed status/outcome label's failure values. Null when the metric has none.
    /// </summary>
    public static IReadOnlyList<string>? ErrorMatchers(TelemetryContract contract, MetricDefinition metric)
    {
        var slo = contract.Slos.FirstOrDefault(s => s.Kind == SloKind.ErrorRatio && contract.FindMetric(s.Metric) == metric && s.Errors.Count > 0);
        if (slo is not null)
        {
            return slo.Errors.Select(e => PromQl.Re(e.Key, e.Value)).ToList();
        }

        foreach (var name in metric.Labels)
        {
            var label = contract.FindLabel(name);
            if (label is null)
            {
                continue;
            }

            if (label.Type == LabelType.Int && (name.Contains("status", StringComparison.Ordinal) || name == "code"))
            {
                return new[] { PromQl.Re(name, "5..") };
            }

            if (label.Values is { } values)
            {
                var failing = values.Where(FailureValues.Contains).ToList();
                if (failing.Count > 0 && failing.Count < values.Count)
                {
                    return new[] { PromQl.Re(name, string.Join("|", failing)) };
                }
            }
        }

        return null;
    }

    /// <summary>The bucket boundary as the runtime (and Go client) writes it in <c>le</c>: shortest round-trip text.</summary>
    public static string Le(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The error budget 1 - objective, computed in decimal so 1 - 0.99 prints as 0.01.</summary>
    public static string ErrorBudget(SloDefinition slo) => (1m - (decimal)slo.Objective).ToString(CultureInfo.InvariantCulture);

    /// <summary>A double as PromQL text.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Label-name form of a JSON field after LogQL's <c>| json</c> (non-alphanumerics become underscores).</summary>
    public static string JsonLabel(string field)
    {
        var sb = new StringBuilder(field.Length);
        foreach (var c in field)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return sb.ToString();
    }

    private static readonly HashSet<string> ContainerLabelNames = new(StringComparer.Ordinal)
    {
        "pod", "container", "container_name", "instance", "host", "hostname",
    };

    /// <summary>
    /// Stream labels the collector takes from the container (its name) rather than from the JSON line: the ones
    /// naming where the process runs. Everything else that refers to a contract label comes from the JSON field.
    /// </summary>
    public static bool FromContainer(StreamLabel label) => label.FixedValue is null && ContainerLabelNames.Contains(label.LabelRef ?? label.Name);

    /// <summary>Contract metrics that should be drawn and checked: deprecated ones are on their way out.</summary>
    public static IEnumerable<MetricDefinition> LiveMetrics(TelemetryContract contract) =>
        contract.Metrics.Where(m => m.Deprecated is null);
}
