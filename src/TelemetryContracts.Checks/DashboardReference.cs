using System.Text.Json;

namespace TelemetryContracts.Checks;

/// <summary>A generated dashboard as the Grafana checks need it: its uid, title and the datasources (uid, type) its panels name.</summary>
public sealed record DashboardReference(string File, string Uid, string Title, IReadOnlyList<(string Uid, string Type)> Datasources)
{
    /// <summary>Reads dashboard JSON files (a file, or every *.json below a folder). Unreadable files come back in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<DashboardReference> Load(IEnumerable<string> paths, ICollection<string> errors)
    {
        var list = new List<DashboardReference>();
        foreach (var path in paths)
        {
            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : System.IO.File.Exists(path) ? new[] { path } : Array.Empty<string>();
            if (files.Length == 0)
            {
                errors.Add($"'{path}' is neither a dashboard JSON file nor a folder holding one");
            }

            foreach (var file in files)
            {
                try
                {
                    using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(file));
                    var root = doc.RootElement;
                    // Provisioning files hold the dashboard itself; API exports wrap it in {"dashboard": …}.
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dashboard", out var inner) && inner.ValueKind == JsonValueKind.Object)
                    {
                        root = inner;
                    }

                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("uid", out var uid) || uid.ValueKind != JsonValueKind.String)
                    {
                        errors.Add($"'{file}' has no dashboard uid");
                        continue;
                    }

                    var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : uid.GetString()!;
                    var sources = new List<(string, string)>();
                    Collect(root, sources);
                    list.Add(new DashboardReference(file, uid.GetString()!, title, sources.Distinct().ToList()));
                }
                catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
                {
                    errors.Add($"'{file}' cannot be read as JSON: {e.Message}");
                }
            }
        }

        return list;
    }

    private static void Collect(JsonElement e, List<(string, string)> sources)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "datasource" && p.Value.ValueKind == JsonValueKind.Object
                        && p.Value.TryGetProperty("uid", out var u) && u.ValueKind == JsonValueKind.String && u.GetString() is { Length: > 0 } uid
                        && !uid.Contains('$', StringComparison.Ordinal) && uid != "-- Grafana --" && uid != "grafana" && uid != "-- Mixed --" && uid != "-- Dashboard --")
                    {
                        var type = p.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
                        sources.Add((uid, type));
                    }
                    else
                    {
                        Collect(p.Value, sources);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var i in e.EnumerateArray())
                {
                    Collect(i, sources);
                }

                break;
        }
    }
}
