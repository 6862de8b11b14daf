using TelemetryContracts.Dashboards.Json;
using TelemetryContracts.Dashboards.Model;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Dashboards;

/// <summary>
/// Reads a Grafana dashboard file of any schema version into a <see cref="Dashboard"/>. Never throws on the
/// content: syntax errors and elements of the wrong shape become <see cref="DashboardReadError"/>s with a line and
/// column, and everything that can still be read is read.
/// </summary>
public static class DashboardReader
{
    /// <summary>Files larger than this are refused with a located error instead of being loaded (the largest real dashboard in the corpus is under 1 MB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads the dashboard at <paramref name="path"/>; an unreadable file yields a dashboard with a fatal error.</summary>
    public static Dashboard ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                return Fatal(path, $"the file is {info.Length} bytes, more than the {MaxFileBytes}-byte limit for a dashboard", SourcePosition.Start);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fatal(path, "the file cannot be read: " + e.Message, SourcePosition.Start);
        }

        return Read(path, bytes);
    }

    /// <summary>Reads a dashboard from its UTF-8 bytes.</summary>
    public static Dashboard Read(string path, byte[] utf8)
    {
        if (utf8.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            // Strip the BOM here so that offsets in the tree and in the line index agree.
            utf8 = utf8[3..];
        }

        var root = PositionedJsonParser.Parse(utf8, out var error, out var errorPosition);
        if (root is null)
        {
            return Fatal(path, "the dashboard is not valid JSON: " + error, errorPosition);
        }

        return new Builder(path, utf8).Build(root);
    }

    /// <summary>Reads a dashboard from text (tests, stdin).</summary>
    public static Dashboard Read(string path, string json) => Read(path, System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Reads an exported library panel (<c>{"uid", "name", "model": {panel}}</c>, optionally wrapped in <c>{"result": …}</c>
    /// as the HTTP API returns it) as a dashboard holding that one panel, whose <see cref="Panel.LibraryPanel"/> carries the uid.
    /// </summary>
    public static Dashboard ReadLibraryPanel(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fatal(path, "the file cannot be read: " + e.Message, SourcePosition.Start);
        }

        var root = PositionedJsonParser.Parse(bytes, out var error, out var errorPosition);
        if (root is null)
        {
            return Fatal(path, "the library panel is not valid JSON: " + error, errorPosition);
        }

        if (root.Get("result") is { IsObject: true } result)
        {
            root = result;
        }

        if (root.Get("model") is not { IsObject: true } model)
        {
            return Fatal(path, "a library panel export needs a 'model' object holding the panel", SourcePosition.Start);
        }

        var builder = new Builder(path, bytes);
        var dashboard = builder.BuildSinglePanel(model, "model");
        var uid = root.GetString("uid");
        return dashboard with
        {
            Uid = uid,
            Title = root.GetString("name") ?? "",
            Panels = dashboard.Panels.Select(p => p with { LibraryPanel = new LibraryPanelRef(uid, root.GetString("name")) }).ToList(),
        };
    }

    private static Dashboard Fatal(string path, string message, SourcePosition position) => new()
    {
        FilePath = path,
        Errors = new[] { new DashboardReadError(message, position, "", IsFatal: true) },
    };

    private sealed class Builder(string path, byte[] utf8)
    {
        // Collapsed rows nest one level in Grafana; a deeper tree is malformed, and this bound keeps it cheap.
        private const int MaxPanelNesting = 8;

        private readonly LineIndex lines = new(utf8);
        private readonly List<Panel> panels = new();
        private readonly List<DashboardReadError> errors = new();
        private DatasourceResolver resolver = new(Array.Empty<KeyValuePair<string, string>>());

        public Dashboard Build(PositionedJson root)
        {
            if (!root.IsObject)
            {
                return Fatal(path, $"a dashboard must be a JSON object, but the file holds {Describe(root)}", Pos(root));
            }

            // Exports of the HTTP API and some provisioning files wrap the model: {"dashboard": {...}, "meta": {...}}.
            var prefix = "";
            if (root.Get("dashboard") is { IsObject: true } inner && root.Get("panels") is null && root.Get("rows") is null)
            {
                root = inner;
                prefix = "dashboard.";
            }

            var variablesNode = root.Get("templating")?.Get("list");
            resolver = new DatasourceResolver(DatasourceVariables(root, variablesNode));
            var variables = ReadVariables(variablesNode, prefix + "templating.list");

            var panelsNode = root.Get("panels");
            if (panelsNode is { IsArray: true })
            {
                ReadPanels(panelsNode.Items, prefix + "panels", parentRow: null, depth: 0);
            }
            else if (panelsNode is not null && panelsNode.Kind != JsonNodeKind.Null)
            {
                Error(panelsNode, prefix + "panels", $"'panels' must be an array, but it is {Describe(panelsNode)}");
            }

            var rowsNode = root.Get("rows");
            if (rowsNode is { IsArray: true })
            {
                ReadLegacyRows(rowsNode.Items, prefix + "rows");
            }
            else if (rowsNode is not null && rowsNode.Kind != JsonNodeKind.Null)
            {
                Error(rowsNode, prefix + "rows", $"'rows' must be an array, but it is {Describe(rowsNode)}");
            }

            return new Dashboard
            {
                FilePath = path,
                Title = root.GetString("title") ?? "",
                Uid = root.GetString("uid"),
                SchemaVersion = root.GetInt("schemaVersion"),
                Panels = panels,
                Variables = variables,
                Annotations = ReadAnnotations(root.Get("annotations")?.Get("list"), prefix + "annotations.list"),
                Errors = errors,
            };
        }

        private static IEnumerable<KeyValuePair<string, string>> DatasourceVariables(PositionedJson root, PositionedJson? variablesNode)
        {
            // __inputs of an exported dashboard: ${DS_PROMETHEUS} stands for a datasource chosen at import.
            foreach (var input in root.GetArray("__inputs"))
            {
                if (input.GetString("name") is { } name && input.GetString("pluginId") is { } plugin)
                {
                    yield return new(name, plugin);
                }
            }

            if (variablesNode is { IsArray: true })
            {
                foreach (var v in variablesNode.Items)
                {
                    if (v.GetString("type") == "datasource" && v.GetString("name") is { } name)
                    {
                        yield return new(name, v.GetString("query") ?? v.GetString("pluginId") ?? "");
                    }
                }
            }
        }

        private void ReadPanels(IReadOnlyList<PositionedJson> items, string basePath, Panel? parentRow, int depth)
        {
            Panel? currentRow = parentRow;
            for (var i = 0; i < items.Count; i++)
            {
                var node = items[i];
                var p = $"{basePath}[{i}]";
                if (!node.IsObject)
                {
                    Error(node, p, $"a panel must be an object, but it is {Describe(node)}");
                    continue;
                }

                var panel = ReadPanel(node, p, parentRow is null ? currentRow?.Title : parentRow.Title);
                panels.Add(panel);
                if (panel.IsRow && parentRow is null)
                {
                    // Expanded rows own the panels that follow them until the next row.
                    currentRow = panel;
                }

                if (node.Get("panels") is { } nested)
                {
                    if (!nested.IsArray)
                    {
                        Error(nested, p + ".panels", $"'panels' must be an array, but it is {Describe(nested)}");
                    }
                    else if (depth >= MaxPanelNesting)
                    {
                        Error(nested, p + ".panels", $"panels are nested more than {MaxPanelNesting} levels deep; the deeper ones are not read");
                    }
                    else
                    {
                        ReadPanels(nested.Items, p + ".panels", panel, depth + 1);
                    }
                }
            }
        }

        private void ReadLegacyRows(IReadOnlyList<PositionedJson> rows, string basePath)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                var rp = $"{basePath}[{r}]";
                if (!row.IsObject)
                {
                    Error(row, rp, $"a row must be an object, but it is {Describe(row)}");
                    continue;
                }

                var rowPanel = new Panel
                {
                    Id = row.GetInt("id"),
                    Title = row.GetString("title") ?? "",
                    Type = "row",
                    Path = rp,
                    Position = Pos(row),
                    Repeat = NonEmpty(row.GetString("repeat")),
                    IsRepeatClone = row.Get("repeatRowId") is { Kind: not JsonNodeKind.Null } || row.Get("repeatIteration") is { Kind: not JsonNodeKind.Null },
                    IsRow = true,
                    Collapsed = row.GetBool("collapse") ?? false,
                };
                panels.Add(rowPanel);
                var items = row.Get("panels");
                if (items is { IsArray: true })
                {
                    for (var i = 0; i < items.Items.Count; i++)
                    {
                        var node = items.Items[i];
                        var p = $"{rp}.panels[{i}]";
                        if (!node.IsObject)
                        {
                            Error(node, p, $"a panel must be an object, but it is {Describe(node)}");
                            continue;
                        }

                        var panel = ReadPanel(node, p, rowPanel.Title);
                        // A panel in a repeated legacy row is cloned with the row.
                        panels.Add(rowPanel.IsRepeatClone ? panel with { IsRepeatClone = true } : panel);
                    }
                }
                else if (items is not null && items.Kind != JsonNodeKind.Null)
                {
                    Error(items, rp + ".panels", $"'panels' must be an array, but it is {Describe(items)}");
                }
            }
        }

        private Panel ReadPanel(PositionedJson node, string p, string? rowTitle)
        {
            var type = node.GetString("type") ?? "";
            var datasource = node.Get("datasource") is { } ds ? resolver.Resolve(ds) : null;
            var library = node.Get("libraryPanel") is { IsObject: true } lp ? new LibraryPanelRef(lp.GetString("uid"), lp.GetString("name")) : null;
            var targets = new List<PanelTarget>();
            var targetsNode = node.Get("targets");
            if (targetsNode is { IsArray: true })
            {
                for (var i = 0; i < targetsNode.Items.Count; i++)
                {
                    var t = targetsNode.Items[i];
                    if (!t.IsObject)
                    {
                        Error(t, $"{p}.targets[{i}]", $"a target must be an object, but it is {Describe(t)}");
                        continue;
                    }

                    targets.Add(ReadTarget(t, $"{p}.targets[{i}]", i, datasource));
                }
            }
            else if (targetsNode is not null && targetsNode.Kind != JsonNodeKind.Null)
            {
                Error(targetsNode, p + ".targets", $"'targets' must be an array, but it is {Describe(targetsNode)}");
            }

            GridPos? grid = node.Get("gridPos") is { IsObject: true } g
                ? new GridPos(g.GetInt("x") ?? 0, g.GetInt("y") ?? 0, g.GetInt("w") ?? 0, g.GetInt("h") ?? 0)
                : null;
            return new Panel
            {
                Id = node.GetInt("id"),
                Title = node.GetString("title") ?? "",
                Type = type,
                GridPos = grid,
                Path = p,
                Position = Pos(node),
                Datasource = datasource,
                Targets = targets,
                LibraryPanel = library,
                Repeat = NonEmpty(node.GetString("repeat")),
                IsRepeatClone = node.Get("repeatPanelId") is { Kind: not JsonNodeKind.Null } || node.Get("repeatIteration") is { Kind: not JsonNodeKind.Null },
                IsRow = type == "row",
                Collapsed = node.GetBool("collapsed") ?? false,
                RowTitle = type == "row" ? null : rowTitle,
            };
        }

        private PanelTarget ReadTarget(PositionedJson t, string p, int index, DatasourceRef? panelDatasource)
        {
            // Prometheus and Loki use "expr"; other plugins "query", "rawSql", "target" (Graphite) — kept to report them unchecked.
            var exprNode = FirstString(t, "expr", "query", "rawSql", "target");
            var expr = exprNode?.Text;
            var datasource = resolver.Resolve(t.Get("datasource"), panelDatasource);
            datasource = Refine(datasource, expr);
            return new PanelTarget
            {
                RefId = NonEmpty(t.GetString("refId")) ?? ((char)('A' + Math.Min(index, 25))).ToString(),
                Expr = expr,
                Datasource = datasource,
                Hide = t.GetBool("hide") ?? false,
                Instant = t.GetBool("instant") ?? false,
                LegendFormat = t.GetString("legendFormat"),
                Path = p,
                ExprPosition = exprNode is null ? Pos(t) : Pos(exprNode),
                ExprIsEscaped = exprNode?.IsEscaped ?? false,
            };
        }

        private static DatasourceRef Refine(DatasourceRef datasource, string? expr)
        {
            // When the file never says the plugin type, the query syntax is better evidence than a name.
            if (!datasource.IsGuessed || expr is null)
            {
                return datasource;
            }

            return DatasourceResolver.LooksLikeLogQL(expr) ? datasource with { Kind = DatasourceKind.Loki } : datasource;
        }

        public Dashboard BuildSinglePanel(PositionedJson panel, string p)
        {
            panels.Add(ReadPanel(panel, p, null));
            return new Dashboard { FilePath = path, Panels = panels, Errors = errors };
        }

        private List<TemplateVariable> ReadVariables(PositionedJson? list, string basePath)
        {
            var result = new List<TemplateVariable>();
            if (list is null || list.Kind == JsonNodeKind.Null)
            {
                return result;
            }

            if (!list.IsArray)
            {
                Error(list, basePath, $"'templating.list' must be an array, but it is {Describe(list)}");
                return result;
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                var v = list.Items[i];
                var p = $"{basePath}[{i}]";
                if (!v.IsObject)
                {
                    Error(v, p, $"a template variable must be an object, but it is {Describe(v)}");
                    continue;
                }

                // Since Grafana 8 the Prometheus variable query is an object {query, refId, qryType}; before, a string.
                var queryNode = v.Get("query") is { IsObject: true } qo ? FirstString(qo, "query", "expr") : FirstString(v, "query");
                queryNode ??= FirstString(v, "definition");
                var type = v.GetString("type") ?? "";
                var datasource = resolver.Resolve(v.Get("datasource"));
                if (queryNode?.Text is { } q)
                {
                    datasource = Refine(datasource, q);
                }

                result.Add(new TemplateVariable
                {
                    Name = v.GetString("name") ?? "",
                    Type = type,
                    Query = queryNode?.Text,
                    Datasource = type == "query" ? datasource : null,
                    Current = Values(v.Get("current")?.Get("value")),
                    Options = v.GetArray("options").SelectMany(o => Values(o.Get("value"))).ToList(),
                    Multi = v.GetBool("multi") ?? false,
                    IncludeAll = v.GetBool("includeAll") ?? false,
                    AllValue = NonEmpty(v.GetString("allValue")),
                    Regex = NonEmpty(v.GetString("regex")),
                    Path = p,
                    QueryPosition = queryNode is null ? Pos(v) : Pos(queryNode),
                    QueryIsEscaped = queryNode?.IsEscaped ?? false,
                });
            }

            return result;
        }

        private List<Annotation> ReadAnnotations(PositionedJson? list, string basePath)
        {
            var result = new List<Annotation>();
            if (list is null || !list.IsArray)
            {
                if (list is not null && list.Kind != JsonNodeKind.Null)
                {
                    Error(list, basePath, $"'annotations.list' must be an array, but it is {Describe(list)}");
                }

                return result;
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                var a = list.Items[i];
                var p = $"{basePath}[{i}]";
                if (!a.IsObject)
                {
                    Error(a, p, $"an annotation must be an object, but it is {Describe(a)}");
                    continue;
                }

                var datasource = resolver.Resolve(a.Get("datasource"));
                // Schema 30+ nests the query in "target" (like a panel target); older files put "expr" on the annotation.
                var holder = a.Get("target") is { IsObject: true } target && FirstString(target, "expr", "query") is not null ? target : a;
                var exprNode = FirstString(holder, "expr", "query");
                var builtIn = a.GetBool("builtIn") ?? (a.GetInt("builtIn") is { } b && b != 0);
                PanelTarget? t = null;
                if (exprNode?.Text is { Length: > 0 } expr && datasource.Form != DatasourceRefForm.Grafana)
                {
                    var ds = Refine(datasource, expr);
                    t = new PanelTarget
                    {
                        RefId = NonEmpty(holder.GetString("refId")) ?? "Anno",
                        Expr = expr,
                        Datasource = ds,
                        Path = holder == a ? p : p + ".target",
                        ExprPosition = Pos(exprNode),
                        ExprIsEscaped = exprNode.IsEscaped,
                    };
                }

                result.Add(new Annotation
                {
                    Name = a.GetString("name") ?? "",
                    Enable = a.GetBool("enable") ?? true,
                    BuiltIn = builtIn,
                    Target = t,
                    Datasource = datasource,
                    Path = p,
                });
            }

            return result;
        }

        private static PositionedJson? FirstString(PositionedJson node, params string[] names)
        {
            foreach (var n in names)
            {
                if (node.Get(n) is { Kind: JsonNodeKind.String } s)
                {
                    return s;
                }
            }

            return null;
        }

        private static IReadOnlyList<string> Values(PositionedJson? node) => node switch
        {
            null => Array.Empty<string>(),
            { Kind: JsonNodeKind.Array } a => a.Items.Where(x => x.Text is not null).Select(x => x.Text!).ToList(),
            { Text: { } t } => new[] { t },
            _ => Array.Empty<string>(),
        };

        private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

        private static string Describe(PositionedJson node) => node.Kind switch
        {
            JsonNodeKind.Object => "an object",
            JsonNodeKind.Array => "an array",
            JsonNodeKind.String => "a string",
            JsonNodeKind.Number => "a number",
            JsonNodeKind.Bool => "a boolean",
            _ => "null",
        };

        private SourcePosition Pos(PositionedJson node) => lines.PositionOf(node.Offset);

        private void Error(PositionedJson node, string p, string message) => errors.Add(new DashboardReadError(message, Pos(node), p, IsFatal: false));
    }
}
