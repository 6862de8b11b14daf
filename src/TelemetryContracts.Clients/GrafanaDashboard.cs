using System.Text.Json;

namespace TelemetryContracts.Clients;

/// <summary><c>/api/dashboards/uid/&lt;uid&gt;</c>: the dashboard model plus the meta fields checks need.</summary>
/// <param name="Uid">The dashboard UID.</param>
/// <param name="Title">The title.</param>
/// <param name="Version">The saved version.</param>
/// <param name="Url">The relative URL from <c>meta.url</c>.</param>
/// <param name="FolderUid">The folder UID from <c>meta.folderUid</c>.</param>
/// <param name="FolderTitle">The folder title from <c>meta.folderTitle</c>.</param>
/// <param name="DashboardJson">The <c>dashboard</c> object as raw JSON, for the dashboard parser.</param>
public sealed record GrafanaDashboard(string Uid, string Title, long Version, string? Url, string? FolderUid, string? FolderTitle, string DashboardJson)
{
    internal static GrafanaDashboard Read(JsonElement root)
    {
        var d = root.GetProperty("dashboard");
        var meta = root.TryGetProperty("meta", out var m) ? m : default;
        return new GrafanaDashboard(
            ApiJson.OptionalString(d, "uid") ?? throw new ApiJson.ShapeException("dashboard without \"uid\""),
            ApiJson.OptionalString(d, "title") ?? string.Empty,
            d.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0,
            ApiJson.OptionalString(meta, "url"),
            ApiJson.OptionalString(meta, "folderUid"),
            ApiJson.OptionalString(meta, "folderTitle"),
            d.GetRawText());
    }
}
