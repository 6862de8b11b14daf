namespace TelemetryContracts.Generation;

/// <summary>
/// Everything about the generated files that is not in the contract: datasource UIDs, where files go, where the
/// deployed stack keeps secrets and dashboards. Defaults describe a Docker Compose stack; every value is plain text
/// so that two builds with the same options give byte-identical files.
/// </summary>
public sealed record GenerationOptions
{
    /// <summary>UID of the Prometheus datasource the dashboards reference and the provisioning creates.</summary>
    public string PrometheusDatasourceUid { get; init; } = "telemetry-prometheus";

    /// <summary>UID of the Loki datasource the dashboards reference and the provisioning creates.</summary>
    public string LokiDatasourceUid { get; init; } = "telemetry-loki";

    /// <summary>URL Grafana uses to reach Prometheus (written into the datasource provisioning).</summary>
    public string PrometheusUrl { get; init; } = "http://prometheus:9090";

    /// <summary>URL Grafana uses to reach Loki (written into the datasource provisioning).</summary>
    public string LokiUrl { get; init; } = "http://loki:3100";

    /// <summary>Grafana folder the dashboards provider puts the generated dashboards in.</summary>
    public string GrafanaFolder { get; init; } = "Telemetry Contracts";

    /// <summary>Where the Grafana container sees the generated <c>grafana/dashboards</c> folder.</summary>
    public string GrafanaDashboardsPath { get; init; } = "/var/lib/grafana/dashboards/telemetry-contracts";

    /// <summary>
    /// Folder in the Prometheus container holding one token/password file per job (<c>&lt;job&gt;.token</c>,
    /// <c>&lt;job&gt;.password</c>); used when the contract names an environment variable instead of a file,
    /// because Prometheus cannot read environment variables and an inline secret must never be generated.
    /// </summary>
    public string PrometheusSecretsDirectory { get; init; } = "/etc/prometheus/secrets";

    /// <summary>Global scrape interval of the generated <c>prometheus.yml</c> (a contract's own interval wins).</summary>
    public string ScrapeInterval { get; init; } = "15s";

    /// <summary>Rule evaluation interval of the generated rules and <c>prometheus.yml</c>.</summary>
    public string EvaluationInterval { get; init; } = "30s";

    /// <summary>Docker socket the log collectors discover containers through.</summary>
    public string DockerHost { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>Docker label whose value is the service name (Compose sets it for every container).</summary>
    public string ContainerServiceLabel { get; init; } = "com.docker.compose.service";

    /// <summary>The Alloy component receiving the processed log entries (defined elsewhere in the Alloy config).</summary>
    public string AlloyLokiReceiver { get; init; } = "loki.write.default.receiver";

    /// <summary>Layout of the output folder, relative paths with forward slashes.</summary>
    public OutputLayout Layout { get; init; } = new();
}
