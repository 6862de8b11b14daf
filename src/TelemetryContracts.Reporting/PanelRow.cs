namespace TelemetryContracts.Reporting;

/// <summary>One query of a generated dashboard panel and whether it returns data.</summary>
/// <param name="Dashboard">Dashboard title or file.</param>
/// <param name="Panel">Panel title.</param>
/// <param name="RefId">The target's refId.</param>
/// <param name="Query">The query as sent (template variables expanded).</param>
/// <param name="Datasource">prometheus or loki.</param>
/// <param name="SeriesCount">Series (or streams) returned; 0 means the panel shows "No data".</param>
/// <param name="Status">Ok when the query returned data, NotChecked when its backend was not reachable.</param>
public sealed record PanelRow(string Dashboard, string Panel, string RefId, string Query, string Datasource, int SeriesCount, StageStatus Status);
