namespace TelemetryContracts.Checks;

/// <summary>
/// Every check, in pipeline order: service endpoint → scrape → TSDB → Loki → Grafana. The doctor walks this order,
/// so the first failing check is the first broken link.
/// </summary>
public static class CheckRegistry
{
    /// <summary>All checks in pipeline order.</summary>
    public static IReadOnlyList<ICheck> All { get; } = new ICheck[]
    {
        new MetricsEndpointReachableCheck(),
        new ExpositionParsesCheck(),
        new DeclaredMetricsExposedCheck(),
        new ClosedLabelValuesCheck(),
        new UndeclaredMetricsCheck(),
        new PrometheusReachableCheck(),
        new ScrapeTargetHealthCheck(),
        new MetricSeriesInTsdbCheck(),
        new LokiReadyCheck(),
        new LokiStreamLabelsCheck(),
        new LokiRecentLinesCheck(),
        new LokiJsonFieldsCheck(),
        new GrafanaHealthCheck(),
        new GrafanaDatasourcesCheck(),
        new GrafanaDashboardsProvisionedCheck(),
    };

    /// <summary>The check with that ID, or null.</summary>
    public static ICheck? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    /// <summary>The check with that ID and every check it depends on, transitively, in pipeline order.</summary>
    public static IReadOnlyList<ICheck> WithDependencies(IEnumerable<string> ids)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(ids);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (wanted.Add(id) && Find(id) is { } c)
            {
                foreach (var d in c.DependsOn)
                {
                    stack.Push(d);
                }
            }
        }

        return All.Where(c => wanted.Contains(c.Id)).ToList();
    }
}
