namespace TelemetryContracts.Generation.Dashboards;

/// <summary>A dashboard template variable.</summary>
/// <param name="Name">Variable name (<c>$name</c> in queries).</param>
/// <param name="Type">Grafana variable type: <c>datasource</c> or <c>query</c>.</param>
/// <param name="Datasource">For a datasource variable, the plugin it lists; for a query variable, where the query runs.</param>
/// <param name="Query">For a datasource variable the plugin id; for a query variable <c>label_values(&lt;series&gt;, &lt;label&gt;)</c>.</param>
/// <param name="Default">The default: the datasource UID, or Grafana's <c>$__all</c>.</param>
/// <param name="AllValue">Regex substituted when "All" is selected (query variables), else null.</param>
public sealed record GeneratedVariable(string Name, string Type, DatasourceKind Datasource, string Query, string Default, string? AllValue);
