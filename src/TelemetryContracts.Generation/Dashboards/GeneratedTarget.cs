namespace TelemetryContracts.Generation.Dashboards;

/// <summary>One query of a generated panel, with Grafana template variables still in it (<c>$env</c>, <c>$__rate_interval</c>).</summary>
/// <param name="RefId">Grafana's query letter (A, B, …).</param>
/// <param name="Expr">The PromQL or LogQL text as written into the dashboard.</param>
/// <param name="Datasource">The datasource kind the query runs against.</param>
/// <param name="LegendFormat">The legend template (empty for log queries).</param>
/// <param name="Format">Grafana's result format: <c>time_series</c>, <c>heatmap</c> or <c>logs</c>.</param>
public sealed record GeneratedTarget(string RefId, string Expr, DatasourceKind Datasource, string LegendFormat, string Format);
