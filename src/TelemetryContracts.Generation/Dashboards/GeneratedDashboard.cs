namespace TelemetryContracts.Generation.Dashboards;

/// <summary>
/// A generated dashboard as data: the same model the JSON is written from, so tests and the live checks can run
/// every panel's queries ("does any panel show No data?") without parsing the JSON back.
/// </summary>
/// <param name="Uid">Stable dashboard uid derived from the service name.</param>
/// <param name="Title">Dashboard title.</param>
/// <param name="Description">Dashboard description.</param>
/// <param name="Tags">Dashboard tags.</param>
/// <param name="Variables">Template variables, datasources first.</param>
/// <param name="Rows">Rows with their panels.</param>
public sealed record GeneratedDashboard(
    string Uid,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<GeneratedVariable> Variables,
    IReadOnlyList<GeneratedRow> Rows)
{
    /// <summary>Every panel of every row, in dashboard order.</summary>
    public IEnumerable<GeneratedPanel> Panels => Rows.SelectMany(r => r.Panels);
}
