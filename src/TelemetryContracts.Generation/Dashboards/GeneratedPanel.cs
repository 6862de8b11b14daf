namespace TelemetryContracts.Generation.Dashboards;

/// <summary>A generated panel: what Grafana draws and the queries it sends.</summary>
/// <param name="Id">Panel id, unique in the dashboard.</param>
/// <param name="Title">Panel title.</param>
/// <param name="Type">Grafana panel plugin id: <c>timeseries</c>, <c>stat</c>, <c>heatmap</c>, <c>logs</c>.</param>
/// <param name="Description">Panel description (the metric's help text).</param>
/// <param name="Unit">Grafana unit id of the values.</param>
/// <param name="Datasource">The datasource kind every target of the panel uses.</param>
/// <param name="Targets">The queries.</param>
/// <param name="Width">Width in grid columns (24 is the whole row).</param>
/// <param name="Source">What the panel was generated from (<c>metric:&lt;name&gt;</c>, <c>log:&lt;stream&gt;</c>, <c>slo:&lt;name&gt;</c>, <c>scrape</c>).</param>
public sealed record GeneratedPanel(
    int Id,
    string Title,
    string Type,
    string Description,
    string Unit,
    DatasourceKind Datasource,
    IReadOnlyList<GeneratedTarget> Targets,
    int Width,
    string Source)
{
    /// <summary>Fixed minimum and maximum of the value axis (ratios), or null for automatic.</summary>
    public (double Min, double Max)? Range { get; init; }
}
