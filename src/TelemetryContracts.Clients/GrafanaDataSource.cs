using System.Text.Json;

namespace TelemetryContracts.Clients;

/// <summary>A Grafana data source as <c>/api/datasources</c> describes it (secure fields never included by Grafana).</summary>
/// <param name="Id">The numeric id.</param>
/// <param name="Uid">The UID dashboards reference.</param>
/// <param name="OrgId">The organisation.</param>
/// <param name="Name">The display name.</param>
/// <param name="Type">The plugin type: <c>prometheus</c>, <c>loki</c>, …</param>
/// <param name="Access"><c>proxy</c> or <c>direct</c>.</param>
/// <param name="Url">The backend URL Grafana queries.</param>
/// <param name="IsDefault">True for the default data source.</param>
/// <param name="ReadOnly">True when provisioned read-only.</param>
/// <param name="JsonData">The plugin settings as raw JSON text (<c>{}</c> when absent).</param>
public sealed record GrafanaDataSource(long Id, string? Uid, long OrgId, string Name, string Type, string? Access, string? Url, bool IsDefault, bool ReadOnly, string JsonData)
{
    internal static GrafanaDataSource Read(JsonElement e) => new(
        e.TryGetProperty("id", out var id) ? id.GetInt64() : 0,
        ApiJson.OptionalString(e, "uid"),
        e.TryGetProperty("orgId", out var org) ? org.GetInt64() : 0,
        ApiJson.OptionalString(e, "name") ?? throw new ApiJson.ShapeException("data source without \"name\""),
        ApiJson.OptionalString(e, "type") ?? throw new ApiJson.ShapeException("data source without \"type\""),
        ApiJson.OptionalString(e, "access"),
        ApiJson.OptionalString(e, "url"),
        e.TryGetProperty("isDefault", out var d) && d.ValueKind == JsonValueKind.True,
        e.TryGetProperty("readOnly", out var ro) && ro.ValueKind == JsonValueKind.True,
        e.TryGetProperty("jsonData", out var j) && j.ValueKind == JsonValueKind.Object ? j.GetRawText() : "{}");
}
