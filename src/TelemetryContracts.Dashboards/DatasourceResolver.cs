using System.Text.RegularExpressions;
using TelemetryContracts.Dashboards.Json;
using TelemetryContracts.Dashboards.Model;

namespace TelemetryContracts.Dashboards;

/// <summary>
/// Turns a datasource reference of any schema version into a query language: legacy name strings, <c>{type, uid}</c>
/// objects, variables (resolved through the dashboard's datasource variables and the <c>__inputs</c> of an export),
/// the mixed datasource, and "no datasource" (the default). Where the file does not say the plugin type, the kind is
/// guessed from the name (and later from the expression) and marked <see cref="DatasourceRef.IsGuessed"/>.
/// </summary>
public sealed partial class DatasourceResolver
{
    /// <summary>The reference used when nothing names a datasource: Grafana's default, assumed to be Prometheus.</summary>
    public static DatasourceRef DefaultPrometheus { get; } = new(null, null, null, DatasourceKind.Prometheus, DatasourceRefForm.Default) { IsGuessed = true };

    private readonly Dictionary<string, string> variablePluginTypes = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver for one dashboard.</summary>
    /// <param name="datasourceVariables">Datasource variable names and their plugin type (the variable's <c>query</c>), plus <c>__inputs</c> names and their <c>pluginId</c>.</param>
    public DatasourceResolver(IEnumerable<KeyValuePair<string, string>> datasourceVariables)
    {
        foreach (var (name, type) in datasourceVariables)
        {
            variablePluginTypes[name] = type;
        }
    }

    /// <summary>Resolves <paramref name="node"/>; absent or <c>null</c> falls back to <paramref name="fallback"/> (the panel's reference) or the default.</summary>
    public DatasourceRef Resolve(PositionedJson? node, DatasourceRef? fallback = null)
    {
        if (node is null || node.Kind == JsonNodeKind.Null)
        {
            return fallback is { Form: not DatasourceRefForm.Mixed } ? fallback : DefaultPrometheus;
        }

        if (node.Kind == JsonNodeKind.String)
        {
            return ResolveString(node.Text ?? "", type: null, fallback);
        }

        if (node.Kind != JsonNodeKind.Object)
        {
            return DefaultPrometheus;
        }

        var uid = node.GetString("uid");
        var type = node.GetString("type");
        if (string.IsNullOrEmpty(uid))
        {
            // {type: "prometheus"} without uid: the default datasource of that type.
            return type is null
                ? (fallback is { Form: not DatasourceRefForm.Mixed } ? fallback : DefaultPrometheus)
                : new DatasourceRef(null, null, type, KindOfPluginType(type), DatasourceRefForm.Default);
        }

        return ResolveString(uid, type, fallback);
    }

    /// <summary>The query language of a plugin type id.</summary>
    public static DatasourceKind KindOfPluginType(string type)
    {
        var t = type.ToLowerInvariant();
        if (t.Contains("loki", StringComparison.Ordinal))
        {
            return DatasourceKind.Loki;
        }

        return t.Contains("prometheus", StringComparison.Ordinal) || t is "mimir" or "cortex" or "thanos" or "victoriametrics-datasource" or "victoriametrics-metrics-datasource"
            ? DatasourceKind.Prometheus
            : DatasourceKind.Other;
    }

    /// <summary>True when the expression has syntax only LogQL has (a line filter or parser after a selector, <c>bytes_rate</c>…).</summary>
    public static bool LooksLikeLogQL(string expr) => LogQLSyntax().IsMatch(expr);

    /// <summary>The variable name when <paramref name="text"/> is exactly one variable reference (<c>$ds</c>, <c>${ds}</c>, <c>${ds:text}</c>, <c>[[ds]]</c>).</summary>
    public static string? VariableName(string text)
    {
        var m = WholeVariable().Match(text.Trim());
        return m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value) : null;
    }

    private DatasourceRef ResolveString(string text, string? type, DatasourceRef? fallback)
    {
        switch (text)
        {
            case "" or "default":
                return type is null ? (fallback is { Form: not DatasourceRefForm.Mixed } ? fallback : DefaultPrometheus) : new DatasourceRef(text, null, type, KindOfPluginType(type), DatasourceRefForm.Default);
            case "-- Mixed --" or "mixed":
                return new DatasourceRef(text, text, "datasource", DatasourceKind.Other, DatasourceRefForm.Mixed);
            case "-- Grafana --" or "grafana" when type is null or "datasource" or "grafana":
                return new DatasourceRef(text, text, "datasource", DatasourceKind.Other, DatasourceRefForm.Grafana);
            case "-- Dashboard --":
                return new DatasourceRef(text, text, "datasource", DatasourceKind.Other, DatasourceRefForm.Grafana);
        }

        if (VariableName(text) is { } variable)
        {
            if (type is not null && type != "datasource")
            {
                return new DatasourceRef(text, null, type, KindOfPluginType(type), DatasourceRefForm.Variable, variable);
            }

            if (variablePluginTypes.TryGetValue(variable, out var pluginType))
            {
                return new DatasourceRef(text, null, pluginType, KindOfPluginType(pluginType), DatasourceRefForm.Variable, variable);
            }

            var guess = GuessFromName(variable);
            return new DatasourceRef(text, null, null, guess ?? DatasourceKind.Prometheus, DatasourceRefForm.Variable, variable) { IsGuessed = true };
        }

        if (type is not null)
        {
            return new DatasourceRef(text, text, type, KindOfPluginType(type), DatasourceRefForm.Uid);
        }

        // A bare string is a legacy datasource name (or a uid written as a string by exporters of schema 33+).
        var byName = GuessFromName(text);
        return new DatasourceRef(text, null, null, byName ?? DatasourceKind.Prometheus, DatasourceRefForm.Name) { IsGuessed = true };
    }

    private static DatasourceKind? GuessFromName(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Contains("loki", StringComparison.Ordinal) || n.Contains("log", StringComparison.Ordinal))
        {
            return DatasourceKind.Loki;
        }

        if (n.Contains("prom", StringComparison.Ordinal) || n.Contains("mimir", StringComparison.Ordinal) || n.Contains("cortex", StringComparison.Ordinal)
            || n.Contains("thanos", StringComparison.Ordinal) || n.Contains("victoria", StringComparison.Ordinal) || n.Contains("metric", StringComparison.Ordinal))
        {
            return DatasourceKind.Prometheus;
        }

        if (n.Contains("tempo", StringComparison.Ordinal) || n.Contains("elastic", StringComparison.Ordinal) || n.Contains("influx", StringComparison.Ordinal)
            || n.Contains("graphite", StringComparison.Ordinal) || n.Contains("sql", StringComparison.Ordinal) || n.Contains("testdata", StringComparison.Ordinal))
        {
            return DatasourceKind.Other;
        }

        return null;
    }

    [GeneratedRegex(@"^(?:\$([A-Za-z_][A-Za-z0-9_]*)|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}|\[\[([A-Za-z_][A-Za-z0-9_]*)(?::[^\]]*)?\]\])$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"\}\s*(?:\|=|\|~|!=\s*[""`]|!~\s*[""`]|\|\s*(?:json|logfmt|regexp|pattern|unpack|line_format|label_format|drop|keep|decolorize|unwrap)\b)|\b(?:bytes_over_time|bytes_rate|absent_over_time\(\{|count_over_time\(\{)")]
    private static partial Regex LogQLSyntax();
}
