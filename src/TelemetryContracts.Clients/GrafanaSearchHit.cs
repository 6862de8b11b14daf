using System.Text.Json;

namespace TelemetryContracts.Clients;

/// <summary>One dashboard of <c>/api/search?type=dash-db</c>.</summary>
/// <param name="Id">The numeric id.</param>
/// <param name="Uid">The dashboard UID.</param>
/// <param name="Title">The title.</param>
/// <param name="Url">The relative URL, e.g. <c>/d/cIBgcSjkk/production-overview</c>.</param>
/// <param name="Type"><c>dash-db</c> or <c>dash-folder</c>.</param>
/// <param name="Tags">The tags.</param>
/// <param name="FolderUid">The containing folder's UID, when in a folder.</param>
/// <param name="FolderTitle">The containing folder's title.</param>
public sealed record GrafanaSearchHit(long Id, string Uid, string Title, string? Url, string Type, IReadOnlyList<string> Tags, string? FolderUid, string? FolderTitle)
{
    internal static GrafanaSearchHit Read(JsonElement e) => new(
        e.TryGetProperty("id", out var id) ? id.GetInt64() : 0,
        ApiJson.OptionalString(e, "uid") ?? throw new ApiJson.ShapeException("search hit without \"uid\""),
        ApiJson.OptionalString(e, "title") ?? string.Empty,
        ApiJson.OptionalString(e, "url"),
        ApiJson.OptionalString(e, "type") ?? string.Empty,
        e.TryGetProperty("tags", out var t) ? ApiJson.Strings(t) : Array.Empty<string>(),
        ApiJson.OptionalString(e, "folderUid"),
        ApiJson.OptionalString(e, "folderTitle"));
}
