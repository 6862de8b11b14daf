using TelemetryContracts.Contracts.Loading;
using TelemetryContracts.Contracts;

namespace TelemetryContracts.Lint.Index;

/// <summary>
/// The contracts as lookup tables for the lint: every exported series name, every job, every declared log stream,
/// and did-you-mean suggestions that know the renames behind real incidents (Kubernetes vs Compose cAdvisor names,
/// OTel vs Prometheus naming, a missing namespace prefix, <c>_total</c> and unit suffixes).
/// </summary>
public sealed class ContractIndex
{
    // Names that differ between environments: the report's dashboards asked for the Kubernetes (kubelet) cAdvisor name
    // where cAdvisor under Docker Compose serves another one.
    private static readonly Dictionary<string, string> KnownTranslations = new(StringComparer.Ordinal)
    {
        ["container_memory_working_set_bytes"] = "container_memory_usage_bytes (cAdvisor under Docker Compose) — container_memory_working_set_bytes is the Kubernetes kubelet name",
        ["container_memory_usage_bytes"] = "container_memory_working_set_bytes (Kubernetes kubelet cAdvisor)",
        ["kube_pod_container_status_restarts_total"] = "container_start_time_seconds (no kube-state-metrics under Docker Compose)",
        ["http_server_duration_milliseconds_bucket"] = "http_server_request_duration_seconds_bucket (OTel semantic conventions 1.20+ renamed the metric and its unit)",
        ["http_server_request_duration_seconds_bucket"] = "http_server_duration_milliseconds_bucket (OTel semantic conventions before 1.20)",
        ["process_runtime_dotnet_gc_collections_count_total"] = "dotnet_gc_collections_total (.NET 9 built-in runtime metrics)",
    };

    private static readonly (string From, string To)[] UnitSwaps =
    {
        ("_seconds", "_ms"), ("_seconds", "_milliseconds"), ("_ms", "_seconds"), ("_milliseconds", "_seconds"), ("_ms", "_milliseconds"),
        ("_milliseconds", "_ms"), ("_bytes", "_kilobytes"), ("_kilobytes", "_bytes"), ("_bytes", "_megabytes"), ("_megabytes", "_bytes"),
    };

    private readonly Dictionary<string, DeclaredSeries> series = new(StringComparer.Ordinal);

    // A corpus asks for the same unknown names again and again; the edit-distance search is the lint's hot spot.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> suggestions = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="contracts"/>.</summary>
    public ContractIndex(IEnumerable<TelemetryContract> contracts, IEnumerable<string>? provisionedDatasourceUids = null)
    {
        Contracts = contracts.ToList();
        foreach (var c in Contracts)
        {
            foreach (var m in c.Metrics)
            {
                if (m.Type == MetricType.Histogram)
                {
                    series.TryAdd(m.FullName + "_bucket", new DeclaredSeries(c, m, m.FullName + "_bucket", SeriesKind.Bucket));
                    series.TryAdd(m.FullName + "_sum", new DeclaredSeries(c, m, m.FullName + "_sum", SeriesKind.Sum));
                    series.TryAdd(m.FullName + "_count", new DeclaredSeries(c, m, m.FullName + "_count", SeriesKind.Count));
                }
                else
                {
                    series.TryAdd(m.FullName, new DeclaredSeries(c, m, m.FullName, SeriesKind.Value));
                }
            }
        }

        Jobs = Contracts.Select(c => c.Job).Where(j => j.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Streams = Contracts.SelectMany(c => c.Logs.Select(s => new DeclaredStream(c, s))).ToList();
        StreamLabelNames = Streams.SelectMany(s => s.Labels.Keys).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
        ProvisionedDatasourceUids = (provisionedDatasourceUids ?? DefaultDatasourceUids).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The UIDs the generated Grafana provisioning uses when no other list is given: taken from the
    /// generator's own defaults, so the lint and the provisioning cannot disagree.</summary>
    public static IReadOnlyList<string> DefaultDatasourceUids { get; } = new[]
    {
        new Generation.GenerationOptions().PrometheusDatasourceUid,
        new Generation.GenerationOptions().LokiDatasourceUid,
    };

    /// <summary>The indexed contracts.</summary>
    public IReadOnlyList<TelemetryContract> Contracts { get; }

    /// <summary>Every job name (the scrape job, or the service name).</summary>
    public IReadOnlyList<string> Jobs { get; }

    /// <summary>Every declared log stream.</summary>
    public IReadOnlyList<DeclaredStream> Streams { get; }

    /// <summary>Every stream label name any declared stream has.</summary>
    public IReadOnlyList<string> StreamLabelNames { get; }

    /// <summary>Datasource UIDs the contracts' provisioning creates.</summary>
    public IReadOnlySet<string> ProvisionedDatasourceUids { get; }

    /// <summary>Every exported series name.</summary>
    public IEnumerable<string> SeriesNames => series.Keys;

    /// <summary>The declared series of this exported name, or null.</summary>
    public DeclaredSeries? FindSeries(string name) => series.GetValueOrDefault(name);

    /// <summary>A suggestion for an unknown metric name, as " (did you mean …?)" text, or empty.</summary>
    public string SuggestMetric(string name) => suggestions.GetOrAdd(name, ComputeSuggestion);

    private string ComputeSuggestion(string name)
    {
        foreach (var candidate in Variants(name))
        {
            if (series.ContainsKey(candidate.Name))
            {
                return $" (did you mean '{candidate.Name}'? {candidate.Reason})";
            }
        }

        if (Closest(name, series.Keys) is { } close)
        {
            return $" (did you mean '{close}'?)";
        }

        return KnownTranslations.TryGetValue(name, out var note) ? $" (note: the usual counterpart is {note})" : "";
    }

    /// <summary>A suggestion for a label that is not declared: the closest declared one, or <c>job</c> for the usual service-identity names.</summary>
    public static string SuggestLabel(string label, IReadOnlyList<string> declared)
    {
        if (label is "app" or "application" or "service" or "service_name" or "container" or "container_name" or "compose_service" && declared.Contains("job") && !declared.Contains(label))
        {
            return " (did you mean 'job'? Prometheus identifies the scrape target by job; 'app'-style labels exist only where a relabel rule adds them)";
        }

        return DidYouMean.Best(label, declared) is { } b ? $" (did you mean '{b}'?)" : "";
    }

    /// <summary>The closest name within DidYouMean's limit (a third of the length, 1 to 3 edits), with a banded, allocation-light distance.</summary>
    internal static string? Closest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Min(3, Math.Max(1, word.Length / 3));
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var c in candidates)
        {
            // More than `limit` characters of length difference can never be within `limit` edits.
            if (Math.Abs(c.Length - word.Length) >= bestDistance)
            {
                continue;
            }

            var d = BoundedDistance(word, c, bestDistance - 1);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (as <see cref="DidYouMean.Distance"/>), or max+1 as soon as it must exceed <paramref name="max"/>.</summary>
    internal static int BoundedDistance(string a, string b, int max)
    {
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (prev2, prev, cur) = (prev, cur, prev2);
        }

        return prev[b.Length];
    }

    private IEnumerable<(string Name, string Reason)> Variants(string name)
    {
        var otel = name.Replace('.', '_');
        if (otel != name)
        {
            yield return (otel, "OTel metric names become Prometheus names with '.' replaced by '_'");
        }

        foreach (var c in Contracts.Where(c => c.Namespace.Length > 0))
        {
            yield return (c.Namespace + "_" + name, $"the contract '{c.Service}' exports its metrics with the namespace prefix '{c.Namespace}_'");
            if (name.StartsWith(c.Namespace + "_", StringComparison.Ordinal))
            {
                yield return (name[(c.Namespace.Length + 1)..], $"the metric is declared without the '{c.Namespace}_' prefix");
            }
        }

        if (name.EndsWith("_total", StringComparison.Ordinal))
        {
            yield return (name[..^6], "the declared name has no _total suffix");
        }
        else
        {
            yield return (name + "_total", "counters are exported with a _total suffix");
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (!name.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return (name + suffix, "the metric is a histogram; only its _bucket, _sum and _count series exist");
            }
        }

        foreach (var (from, to) in UnitSwaps)
        {
            var i = name.IndexOf(from + "_", StringComparison.Ordinal);
            if (name.EndsWith(from, StringComparison.Ordinal))
            {
                yield return (name[..^from.Length] + to, $"the declared unit suffix is {to}, not {from}");
            }
            else if (i > 0)
            {
                yield return (name[..i] + to + name[(i + from.Length)..], $"the declared unit suffix is {to}, not {from}");
            }
        }
    }
}
