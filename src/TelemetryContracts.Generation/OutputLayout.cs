namespace TelemetryContracts.Generation;

/// <summary>Relative paths (forward slashes) of the generated files inside the output folder.</summary>
public sealed record OutputLayout
{
    /// <summary>Folder of the dashboards (one <c>&lt;service&gt;.json</c> each); the provider points at it.</summary>
    public string DashboardsFolder { get; init; } = "grafana/dashboards";

    /// <summary>Grafana datasource provisioning file.</summary>
    public string DatasourcesFile { get; init; } = "grafana/provisioning/datasources/telemetry-contracts.yaml";

    /// <summary>Grafana dashboards-provider provisioning file.</summary>
    public string DashboardProvidersFile { get; init; } = "grafana/provisioning/dashboards/telemetry-contracts.yaml";

    /// <summary>The Prometheus configuration with every scrape job and the rule files.</summary>
    public string PrometheusConfigFile { get; init; } = "prometheus/prometheus.yml";

    /// <summary>Folder of the rule files (one <c>&lt;service&gt;.rules.yml</c> each), relative to the output folder.</summary>
    public string RulesFolder { get; init; } = "prometheus/rules";

    /// <summary>Folder of the Alloy fragments (one <c>&lt;service&gt;.alloy</c> each).</summary>
    public string AlloyFolder { get; init; } = "alloy";

    /// <summary>Folder of the Promtail fragments (one <c>&lt;service&gt;.yaml</c> each).</summary>
    public string PromtailFolder { get; init; } = "promtail";
}
