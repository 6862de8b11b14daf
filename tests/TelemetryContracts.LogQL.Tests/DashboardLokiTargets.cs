using System.Text.Json.Nodes;
using TelemetryContracts.Grafana.Templating;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>A Loki target of a corpus dashboard.</summary>
/// <param name="Dashboard">File name.</param>
/// <param name="Panel">Panel title.</param>
/// <param name="Expr">The expression as stored.</param>
/// <param name="Context">The dashboard's variables with their saved selection.</param>
public sealed record DashboardLokiTarget(string Dashboard, string Panel, string Expr, TemplateContext Context)
{
    public override string ToString() => $"{Dashboard} / {Panel}: {Expr}";
}

/// <summary>
/// Finds the Loki targets of the corpus dashboards (test-side reading only: the product's dashboard reader is
/// another component). A target is Loki when its datasource (or its panel's) has type loki, or names a
/// datasource variable whose plugin is loki.
/// </summary>
public static class DashboardLokiTargets
{
    public static IEnumerable<DashboardLokiTarget> All()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "dashboards"), "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            if (root is null) continue;
            if (root["dashboard"] is JsonObject wrapped) root = wrapped;
            var (variables, datasourceVars) = Variables(root);
            var context = new TemplateContext
            {
                Dialect = InterpolationDialect.Loki,
                Variables = variables,
                DashboardTitle = root["title"]?.GetValue<string>() ?? "",
                DashboardUid = root["uid"]?.ToString() ?? "",
            };
            foreach (var (panel, title) in Panels(root))
            {
                if (panel["targets"] is not JsonArray targets) continue;
                foreach (var target in targets.OfType<JsonObject>())
                {
                    if (target["expr"] is not JsonValue exprNode || exprNode.GetValueKind() != System.Text.Json.JsonValueKind.String) continue;
                    var ds = target["datasource"] ?? panel["datasource"];
                    if (!IsLoki(ds, datasourceVars)) continue;
                    var expr = exprNode.GetValue<string>();
                    if (string.IsNullOrWhiteSpace(expr)) continue;
                    var instant = target["queryType"]?.ToString() == "instant" || target["instant"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
                    yield return new DashboardLokiTarget(Path.GetFileName(file), title, expr, context with { InstantQuery = instant });
                }
            }
        }
    }

    private static bool IsLoki(JsonNode? ds, Dictionary<string, string> datasourceVars)
    {
        string? reference = null;
        switch (ds)
        {
            case JsonObject o:
                if (o["type"]?.ToString() is { } type && !type.StartsWith('$')) return type == "loki";
                reference = o["uid"]?.ToString();
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                reference = v.GetValue<string>();
                break;
        }
        if (reference is null) return false;
        var name = reference.Trim('$', '{', '}');
        if (reference.StartsWith('$') && datasourceVars.TryGetValue(name, out var plugin)) return plugin == "loki";
        return reference.Contains("loki", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<(JsonObject Panel, string Title)> Panels(JsonObject root)
    {
        var stack = new Stack<JsonNode?>();
        stack.Push(root["panels"]);
        if (root["rows"] is JsonArray rows)
        {
            foreach (var row in rows) stack.Push(row?["panels"]);
        }
        while (stack.Count > 0)
        {
            if (stack.Pop() is not JsonArray panels) continue;
            foreach (var panel in panels.OfType<JsonObject>())
            {
                yield return (panel, panel["title"]?.ToString() ?? "");
                stack.Push(panel["panels"]);
            }
        }
    }

    private static (Dictionary<string, TemplateVariable>, Dictionary<string, string>) Variables(JsonObject root)
    {
        var variables = new Dictionary<string, TemplateVariable>();
        var datasourceVars = new Dictionary<string, string>();
        if (root["templating"]?["list"] is not JsonArray list) return (variables, datasourceVars);
        foreach (var v in list.OfType<JsonObject>())
        {
            var name = v["name"]?.ToString();
            if (string.IsNullOrEmpty(name)) continue;
            var type = v["type"]?.ToString() ?? "query";
            var query = v["query"] is JsonValue qv && qv.GetValueKind() == System.Text.Json.JsonValueKind.String ? qv.GetValue<string>() : v["query"]?["query"]?.ToString() ?? "";
            if (type == "datasource") datasourceVars[name] = query;
            var options = (v["options"] as JsonArray)?.OfType<JsonObject>().Select(o => o["value"]?.ToString() ?? "").Where(o => o != "$__all").ToList() ?? [];
            var current = Values(v["current"]?["value"]);
            var texts = Values(v["current"]?["text"]);
            var multi = v["multi"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
            var includeAll = v["includeAll"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
            var allValue = v["allValue"] is JsonValue av && av.GetValueKind() == System.Text.Json.JsonValueKind.String && av.GetValue<string>().Length > 0 ? av.GetValue<string>() : null;
            var allSelected = current.Contains("$__all") || (current.Count == 0 && includeAll);
            if (current.Count == 0 && !allSelected)
            {
                // No saved selection: Grafana selects the first option when the dashboard loads.
                var first = options.FirstOrDefault() ?? type switch
                {
                    "custom" or "interval" => query.Split(',')[0].Trim(),
                    "constant" or "textbox" => query,
                    _ => "value",
                };
                if (type == "interval" && first.StartsWith("$", StringComparison.Ordinal)) first = "1m";
                current = [first];
            }
            variables[name] = new TemplateVariable(name, allSelected ? [] : current)
            {
                Texts = texts.Count > 0 ? texts : null,
                Multi = multi,
                IncludeAll = includeAll,
                AllSelected = allSelected,
                AllValue = allValue,
                Options = options,
            };
        }
        return (variables, datasourceVars);
    }

    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => x?.ToString() ?? "").ToList(),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [v.GetValue<string>()],
        JsonValue v => [v.ToString()],
        _ => [],
    };
}
