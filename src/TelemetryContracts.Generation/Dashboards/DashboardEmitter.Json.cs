using TelemetryContracts.Generation.Text;

namespace TelemetryContracts.Generation.Dashboards;

public static partial class DashboardEmitter
{
    private const int PanelHeight = 8;

    /// <summary>Writes the dashboard JSON (keys sorted, two-space indent, LF, trailing newline).</summary>
    public static string Emit(GeneratedDashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var panels = new List<object>();
        var y = 0;
        foreach (var row in dashboard.Rows)
        {
            // Rows stay expanded with their panels at top level: Grafana's layout for non-collapsed rows.
            panels.Add(new JsonTree()
                .Set("collapsed", false)
                .Set("gridPos", GridPos(24, 1, 0, y))
                .Set("id", row.Id)
                .Set("panels", Array.Empty<object>())
                .Set("title", row.Title)
                .Set("type", "row"));
            y += 1;
            var x = 0;
            foreach (var panel in row.Panels)
            {
                if (x + panel.Width > 24)
                {
                    x = 0;
                    y += PanelHeight;
                }

                panels.Add(Panel(panel, x, y));
                x += panel.Width;
            }

            if (x > 0)
            {
                y += PanelHeight;
            }
        }

        var root = new JsonTree()
            .Set("annotations", new JsonTree().Set("list", new object[]
            {
                new JsonTree()
                    .Set("builtIn", 1)
                    .Set("datasource", new JsonTree().Set("type", "grafana").Set("uid", "-- Grafana --"))
                    .Set("enable", true)
                    .Set("hide", true)
                    .Set("iconColor", "rgba(0, 211, 255, 1)")
                    .Set("name", "Annotations & Alerts")
                    .Set("type", "dashboard"),
            }))
            .Set("description", dashboard.Description)
            .Set("editable", false)
            .Set("fiscalYearStartMonth", 0)
            .Set("graphTooltip", 1)
            .Set("links", new object[]
            {
                new JsonTree()
                    .Set("asDropdown", true)
                    .Set("icon", "external link")
                    .Set("includeVars", true)
                    .Set("keepTime", true)
                    .Set("tags", new[] { "telemetry-contracts" })
                    .Set("targetBlank", false)
                    .Set("title", "Telemetry contracts")
                    .Set("tooltip", "Other dashboards generated from telemetry contracts")
                    .Set("type", "dashboards"),
            })
            .Set("liveNow", false)
            .Set("panels", panels)
            .Set("refresh", "30s")
            .Set("schemaVersion", SchemaVersion)
            .Set("tags", dashboard.Tags)
            .Set("templating", new JsonTree().Set("list", dashboard.Variables.Select(Variable).ToList()))
            .Set("time", new JsonTree().Set("from", "now-1h").Set("to", "now"))
            .Set("timepicker", new JsonTree())
            .Set("timezone", "utc")
            .Set("title", dashboard.Title)
            .Set("uid", dashboard.Uid)
            .Set("version", 1);
        return JsonTree.Write(root);
    }

    private static JsonTree GridPos(int w, int h, int x, int y) =>
        new JsonTree().Set("h", h).Set("w", w).Set("x", x).Set("y", y);

    private static JsonTree DatasourceRef(DatasourceKind kind) => kind == DatasourceKind.Loki
        ? new JsonTree().Set("type", "loki").Set("uid", "${loki}")
        : new JsonTree().Set("type", "prometheus").Set("uid", "${prometheus}");

    private static JsonTree Panel(GeneratedPanel panel, int x, int y)
    {
        var defaults = new JsonTree().Set("unit", panel.Unit);
        if (panel.Range is { } range)
        {
            defaults.Set("min", range.Min).Set("max", range.Max);
        }

        var tree = new JsonTree()
            .Set("datasource", DatasourceRef(panel.Datasource))
            .Set("description", panel.Description)
            .Set("gridPos", GridPos(panel.Width, PanelHeight, x, y))
            .Set("id", panel.Id)
            .Set("targets", panel.Targets.Select(Target).ToList())
            .Set("title", panel.Title)
            .Set("type", panel.Type);
        if (panel.Type != "logs")
        {
            tree.Set("fieldConfig", new JsonTree().Set("defaults", defaults).Set("overrides", Array.Empty<object>()));
        }

        tree.Set("options", panel.Type switch
        {
            "logs" => new JsonTree()
                .Set("dedupStrategy", "none")
                .Set("enableLogDetails", true)
                .Set("showTime", true)
                .Set("sortOrder", "Descending")
                .Set("wrapLogMessage", true),
            "stat" => new JsonTree()
                .Set("colorMode", "value")
                .Set("graphMode", "area")
                .Set("reduceOptions", new JsonTree().Set("calcs", new[] { "lastNotNull" }).Set("fields", "").Set("values", false)),
            "heatmap" => new JsonTree()
                .Set("calculate", false)
                .Set("cellGap", 1)
                .Set("yAxis", new JsonTree().Set("unit", panel.Unit)),
            _ => new JsonTree()
                .Set("legend", new JsonTree().Set("calcs", Array.Empty<string>()).Set("displayMode", "list").Set("placement", "bottom").Set("showLegend", true))
                .Set("tooltip", new JsonTree().Set("mode", "multi").Set("sort", "desc")),
        });
        return tree;
    }

    private static JsonTree Target(GeneratedTarget target)
    {
        var tree = new JsonTree()
            .Set("datasource", DatasourceRef(target.Datasource))
            .Set("expr", target.Expr)
            .Set("refId", target.RefId);
        if (target.Datasource == DatasourceKind.Loki)
        {
            tree.Set("queryType", "range");
            tree.SetIf(target.LegendFormat.Length > 0, "legendFormat", target.LegendFormat);
        }
        else
        {
            tree.Set("format", target.Format).Set("legendFormat", target.LegendFormat).Set("range", true);
        }

        return tree;
    }

    private static JsonTree Variable(GeneratedVariable variable)
    {
        var tree = new JsonTree()
            .Set("hide", 0)
            .Set("label", variable.Type == "datasource" ? (variable.Datasource == DatasourceKind.Loki ? "Loki" : "Prometheus") : variable.Name)
            .Set("name", variable.Name)
            .Set("query", variable.Query)
            .Set("skipUrlSync", false)
            .Set("type", variable.Type);
        if (variable.Type == "datasource")
        {
            return tree
                .Set("current", new JsonTree().Set("text", variable.Default).Set("value", variable.Default))
                .Set("includeAll", false)
                .Set("multi", false)
                .Set("refresh", 1)
                .Set("regex", "");
        }

        return tree
            .Set("allValue", variable.AllValue)
            .Set("current", new JsonTree().Set("text", new[] { "All" }).Set("value", new[] { variable.Default }))
            .Set("datasource", DatasourceRef(variable.Datasource))
            .Set("definition", variable.Query)
            .Set("includeAll", true)
            .Set("multi", true)
            .Set("refresh", 2)
            .Set("regex", "")
            .Set("sort", 1);
    }
}
