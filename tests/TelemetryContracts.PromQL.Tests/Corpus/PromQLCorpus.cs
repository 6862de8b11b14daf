using System.Text.Json;
using System.Text.RegularExpressions;
using TelemetryContracts.TestSupport;
using YamlDotNet.RepresentationModel;

namespace TelemetryContracts.PromQL.Tests.Corpus;

/// <summary>
/// Reads every PromQL expression of the shared corpus: promqltest <c>eval</c> lines (with <c>eval_fail</c> and
/// <c>expect fail</c> marking must-fail ones), rule file <c>expr</c>s, the compliance query list with its
/// template variants expanded, the lezer grammar cases, and dashboard targets that are PromQL (after
/// <see cref="GrafanaVariables"/>).
/// </summary>
public static partial class PromQLCorpus
{
    // Values the compliance tester substitutes for its {{.name}} placeholders (a representative subset per name).
    private static readonly Dictionary<string, string[]> Variants = new()
    {
        ["range"] = ["1s", "15s", "1m", "5m", "15m", "1h"],
        ["offset"] = ["1m", "5m", "10m"],
        ["simpleAggrOp"] = ["sum", "avg", "max", "min", "count", "stddev", "stdvar", "group"],
        ["topBottomOp"] = ["topk", "bottomk"],
        ["quantile"] = ["-0.5", "0.1", "0.5", "0.75", "0.95", "0.90", "0.99", "1", "1.5"],
        ["arithBinOp"] = ["+", "-", "*", "/", "%", "^"],
        ["compBinOp"] = ["==", "!=", "<", ">", "<=", ">="],
        ["binOp"] = ["+", "-", "*", "/", "%", "^", "==", "!=", "<", ">", "<=", ">="],
        ["simpleMathFunc"] = ["abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "round"],
        ["extrapolatedRateFunc"] = ["delta", "rate", "increase"],
        ["clampFunc"] = ["clamp_min", "clamp_max"],
        ["instantRateFunc"] = ["idelta", "irate"],
        ["dateFunc"] = ["day_of_month", "day_of_week", "days_in_month", "hour", "minute", "month", "year"],
        ["simpleTimeAggrOp"] = ["sum", "avg", "max", "min", "count", "stddev", "stdvar", "last", "present"],
    };

    [GeneratedRegex(@"^\s*eval(?<kind>_\w+)?\s+(?:instant\s+at\s+\S+|range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(?<expr>.+?)\s*$")]
    private static partial Regex EvalLine();

    [GeneratedRegex(@"\{\{\.(\w+)\}\}")]
    private static partial Regex Placeholder();

    /// <summary>The corpus folder of PromQL sources.</summary>
    public static string PromQLDir => Path.Combine(RepoPaths.Corpus, "promql");

    /// <summary>All expressions, in a stable order.</summary>
    public static IReadOnlyList<CorpusExpression> All() =>
        [.. PromQLTestScripts(), .. RuleFiles(), .. ComplianceQueries(), .. LezerCases(), .. Dashboards()];

    /// <summary>Expressions of promqltest <c>eval</c> lines.</summary>
    public static IEnumerable<CorpusExpression> PromQLTestScripts()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(PromQLDir, "promqltest"), "*.test").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var m = EvalLine().Match(lines[i]);
                if (!m.Success) { continue; }
                var fail = m.Groups["kind"].Value == "_fail";
                for (var j = i + 1; j < lines.Length && lines[j].Length > 0 && char.IsWhiteSpace(lines[j][0]); j++)
                {
                    if (lines[j].Trim().StartsWith("expect fail", StringComparison.Ordinal)) { fail = true; }
                }

                yield return new CorpusExpression($"{Path.GetFileName(file)}:{i + 1}", m.Groups["expr"].Value, fail);
            }
        }
    }

    /// <summary><c>expr</c> fields of rule files.</summary>
    public static IEnumerable<CorpusExpression> RuleFiles()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(PromQLDir, "rules")).Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) { yaml.Load(reader); }
            var bad = file.Contains(".bad.", StringComparison.Ordinal);
            foreach (var doc in yaml.Documents)
            {
                foreach (var (line, expr) in Exprs(doc.RootNode))
                {
                    yield return new CorpusExpression($"{Path.GetFileName(file)}:{line}", expr, bad);
                }
            }
        }
    }

    private static IEnumerable<(long Line, string Expr)> Exprs(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    if (k is YamlScalarNode { Value: "expr" } && v is YamlScalarNode s) { yield return (s.Start.Line, s.Value ?? string.Empty); }
                    else { foreach (var x in Exprs(v)) { yield return x; } }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var c in seq.Children) { foreach (var x in Exprs(c)) { yield return x; } }
                break;
        }
    }

    /// <summary>The compliance tester's queries with each placeholder expanded over its variant values.</summary>
    public static IEnumerable<CorpusExpression> ComplianceQueries()
    {
        var file = Path.Combine(PromQLDir, "promql-compliance-test-queries.yml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file)) { yaml.Load(reader); }
        var cases = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("test_cases")];
        foreach (var c in cases.Children.OfType<YamlMappingNode>())
        {
            var q = (YamlScalarNode)c.Children[new YamlScalarNode("query")];
            var shouldFail = c.Children.TryGetValue(new YamlScalarNode("should_fail"), out var sf) && ((YamlScalarNode)sf).Value == "true";
            foreach (var expanded in ExpandTemplate(q.Value ?? string.Empty))
            {
                yield return new CorpusExpression($"compliance:{q.Start.Line}", expanded, shouldFail);
            }
        }
    }

    private static IEnumerable<string> ExpandTemplate(string query)
    {
        var m = Placeholder().Match(query);
        if (!m.Success)
        {
            yield return query;
            yield break;
        }

        var values = Variants.TryGetValue(m.Groups[1].Value, out var v) ? v : ["5m"];
        foreach (var value in values)
        {
            var replaced = query.Replace(m.Value, value, StringComparison.Ordinal);
            foreach (var x in ExpandTemplate(replaced)) { yield return x; }
        }
    }

    /// <summary>The lezer grammar's expression cases (including its error-recovery ones).</summary>
    public static IEnumerable<CorpusExpression> LezerCases()
    {
        var lines = File.ReadAllLines(Path.Combine(PromQLDir, "lezer-promql-expression.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("# ", StringComparison.Ordinal)) { continue; }
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end] != "==>") { end++; }
            if (end >= lines.Length) { yield break; }
            var expr = string.Join('\n', lines[start..end]).Trim();
            var tree = end + 2 < lines.Length ? lines[end + 2] : string.Empty;
            yield return new CorpusExpression($"lezer:{i + 1} {lines[i][2..]}", expr, tree.Contains('⚠'));
            i = end;
        }
    }

    private static readonly string[] NonPrometheus = ["loki", "tempo", "elastic", "influx", "graphite", "sql", "cloudwatch", "testdata", "jaeger", "zipkin", "pyroscope"];

    /// <summary>PromQL targets of dashboards, variables expanded.</summary>
    public static IEnumerable<CorpusExpression> Dashboards()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "dashboards"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var found = new List<CorpusExpression>();
            Targets(doc.RootElement, null, Path.GetFileName(file), found);
            foreach (var f in found) { yield return f; }
        }
    }

    private static void Targets(JsonElement e, string? panelDatasource, string file, List<CorpusExpression> found)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in e.EnumerateArray()) { Targets(c, panelDatasource, file, found); }
            return;
        }

        if (e.ValueKind != JsonValueKind.Object) { return; }
        var ds = e.TryGetProperty("datasource", out var d) ? d.GetRawText() : panelDatasource;
        if (e.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in targets.EnumerateArray())
            {
                if (t.ValueKind != JsonValueKind.Object || !t.TryGetProperty("expr", out var ex) || ex.ValueKind != JsonValueKind.String) { continue; }
                var expr = ex.GetString()!;
                if (string.IsNullOrWhiteSpace(expr)) { continue; }
                var tds = t.TryGetProperty("datasource", out var td) ? td.GetRawText() : ds;
                if (tds is not null && NonPrometheus.Any(n => tds.Contains(n, StringComparison.OrdinalIgnoreCase))) { continue; }
                if (LooksLikeLogQL(expr)) { continue; }
                found.Add(new CorpusExpression($"{file} {t.GetProperty("expr").GetString()![..Math.Min(20, expr.Length)]}", GrafanaVariables.Expand(expr), false));
            }
        }

        foreach (var p in e.EnumerateObject())
        {
            if (p.Name != "targets") { Targets(p.Value, ds, file, found); }
        }
    }

    private static bool LooksLikeLogQL(string expr) =>
        Regex.IsMatch(expr, @"\}\s*(\||!=\s*""|\|=|\|~|!~\s*""|=\s*"")") || Regex.IsMatch(expr, @"(count_over_time|rate|bytes_over_time|bytes_rate)\s*\(\s*\{");
}
