using System.Text.RegularExpressions;
using TelemetryContracts.Dashboards;
using TelemetryContracts.Dashboards.Model;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint.Index;
using TelemetryContracts.Lint.Rules;
using ExpansionResult = TelemetryContracts.Grafana.Templating.ExpansionResult;
using TelemetryContracts.PromQL;

namespace TelemetryContracts.Lint;

/// <summary>
/// Lints dashboards against contracts: reads every panel, target, annotation and variable, expands Grafana template
/// variables, parses with the PromQL/LogQL parsers (errors mapped back to the written expression), and runs the rules.
/// </summary>
public sealed partial class DashboardLinter
{
    private readonly ContractIndex contracts;
    private readonly IReadOnlyList<ILintRule> rules;
    private readonly LintOptions options;

    /// <summary>Creates a linter over <paramref name="contracts"/> with the default rules.</summary>
    public DashboardLinter(ContractIndex contracts, LintOptions? options = null, IEnumerable<ILintRule>? rules = null)
    {
        this.contracts = contracts;
        this.options = options ?? new LintOptions();
        this.rules = (rules ?? DefaultRules).ToList();
    }

    /// <summary>Every rule, in ID order.</summary>
    public static IReadOnlyList<ILintRule> DefaultRules { get; } = new ILintRule[]
    {
        new UnknownMetricRule(), new LabelNotOnMetricRule(), new LabelValueOutsideSetRule(), new MatcherNeverMatchesRule(),
        new RateOnGaugeRule(), new QuantileNotOnBucketRule(), new UnknownStreamLabelRule(), new UnknownStreamValueRule(),
        new UndeclaredLogFieldRule(),
    };

    /// <summary>Reads and lints the dashboard files.</summary>
    public LintResult LintFiles(IEnumerable<string> files)
    {
        var findings = new List<Finding>();
        var stats = new LintStatistics();
        foreach (var file in files)
        {
            var r = Lint(DashboardReader.ReadFile(file));
            findings.AddRange(r.Findings);
            stats.Add(r.Statistics);
        }

        return new LintResult(findings, stats);
    }

    /// <summary>Lints one dashboard.</summary>
    public LintResult Lint(Dashboard dashboard)
    {
        var run = new Run(this, dashboard);
        run.Execute();
        return new LintResult(run.Findings, run.Statistics);
    }

    /// <summary>Expands every *.json file of the given folders; files are kept as given. Missing paths are collected.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths, ICollection<string>? missing = null)
    {
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                result.AddRange(Directory.EnumerateFiles(p, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                result.Add(p);
            }
            else
            {
                missing?.Add(p);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*label_values\s*\((?<args>.*)\)\s*$", RegexOptions.Singleline)]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"^\s*query_result\s*\((?<expr>.*)\)\s*$", RegexOptions.Singleline)]
    private static partial Regex QueryResult();

    [GeneratedRegex(@"^\s*metrics\s*\((?<re>.*)\)\s*$", RegexOptions.Singleline)]
    private static partial Regex Metrics();

    [GeneratedRegex(@"^\s*label_names\s*\(.*\)\s*$", RegexOptions.Singleline)]
    private static partial Regex LabelNames();

    private sealed class Run(DashboardLinter linter, Dashboard dashboard)
    {
        private readonly DashboardTemplating expander = new(dashboard.Variables);
        private readonly HashSet<(string, string, string)> reportedUids = new();

        public List<Finding> Findings { get; } = new();

        public LintStatistics Statistics { get; } = new() { Dashboards = 1 };

        public void Execute()
        {
            foreach (var e in dashboard.Errors)
            {
                var location = FindingLocation.InFile(dashboard.FilePath, new SourceSpan(e.Position, e.Position), e.Path.Length > 0 ? e.Path : null);
                Findings.Add(e.IsFatal ? RuleCatalog.DashboardUnreadable.At(location, e.Message) : RuleCatalog.DashboardShape.At(location, e.Message));
            }

            if (dashboard.IsUnreadable)
            {
                return;
            }

            foreach (var panel in dashboard.Panels)
            {
                // Repeat clones carry the source panel's queries; checking them again would only repeat findings.
                if (panel.IsRow || panel.IsRepeatClone)
                {
                    continue;
                }

                Statistics.Panels++;
                LintPanel(panel);
            }

            foreach (var a in dashboard.Annotations)
            {
                if (a.Target is { } t)
                {
                    LintTarget(t, $"{a.Path} annotation \"{a.Name}\"", a.Path, position: t.ExprPosition);
                }
            }

            foreach (var v in dashboard.Variables)
            {
                LintVariable(v);
            }
        }

        private void LintPanel(Panel panel)
        {
            var targets = panel.Targets;
            if (panel.LibraryPanel is { } lib && targets.Count == 0)
            {
                if (lib.Uid is { } uid && linter.options.LibraryPanels.TryGetValue(uid, out var model))
                {
                    targets = model.Targets;
                }
                else
                {
                    Findings.Add(RuleCatalog.LibraryPanelUnchecked.At(PanelLocation(panel), $"\"{lib.Name ?? lib.Uid}\" (uid {lib.Uid ?? "missing"})"));
                    return;
                }
            }

            if (panel.Datasource is { } ds)
            {
                CheckUid(ds, panel, panel.Describe());
            }

            foreach (var t in targets)
            {
                LintTarget(t, $"{panel.Describe()} target {t.RefId}", panel.Path, panel);
            }
        }

        private void LintTarget(PanelTarget t, string path, string jsonPath, Panel? panel = null, SourcePosition? position = null)
        {
            if (string.IsNullOrWhiteSpace(t.Expr))
            {
                return;
            }

            Statistics.Queries++;
            CheckUid(t.Datasource, panel, path, position);
            switch (t.Kind)
            {
                case DatasourceKind.Prometheus:
                    LintExpression(t.Expr, QueryLanguage.PromQL, path, t.ExprPosition, t.ExprIsEscaped);
                    break;
                case DatasourceKind.Loki:
                    LintExpression(t.Expr, QueryLanguage.LogQL, path, t.ExprPosition, t.ExprIsEscaped);
                    break;
                default:
                    Statistics.Unchecked++;
                    if (linter.options.ReportUnchecked)
                    {
                        var location = FindingLocation.InFile(dashboard.FilePath, new SourceSpan(t.ExprPosition, t.ExprPosition), path);
                        Findings.Add(RuleCatalog.UncheckedTarget.At(location, t.RefId, t.Datasource.ToString()));
                    }

                    break;
            }
        }

        private void CheckUid(DatasourceRef ds, Panel? panel, string path, SourcePosition? at = null)
        {
            if (ds is not { Form: DatasourceRefForm.Uid, Kind: DatasourceKind.Prometheus or DatasourceKind.Loki, Uid: { } uid }
                || linter.contracts.ProvisionedDatasourceUids.Contains(uid)
                || !reportedUids.Add((panel?.Path ?? path, uid, ds.PluginType ?? "")))
            {
                return;
            }

            var position = at ?? panel?.Position ?? SourcePosition.Start;
            var location = FindingLocation.InFile(dashboard.FilePath, new SourceSpan(position, position), path);
            Findings.Add(RuleCatalog.UnknownDatasourceUid.At(location, uid, string.Join(", ", linter.contracts.ProvisionedDatasourceUids.OrderBy(x => x, StringComparer.Ordinal))));
        }

        private LintQuery? LintExpression(string expr, QueryLanguage language, string path, SourcePosition position, bool escaped, ExpansionResult? expanded = null, int baseOffset = 0, int length = -1)
        {
            expanded ??= expander.Expand(expr, language);
            var text = length < 0 ? expanded.Text[baseOffset..] : expanded.Text.Substring(baseOffset, length);
            LintQuery query;
            if (language == QueryLanguage.PromQL)
            {
                Statistics.PromQL++;
                var parsed = PromQLParser.Parse(text);
                query = new LintQuery(dashboard, path, language, expanded, position, escaped, linter.contracts) { PromQL = parsed.Expr, BaseOffset = baseOffset };
                if (!parsed.Success)
                {
                    var e = parsed.Errors[0];
                    Findings.Add(query.Report(RuleCatalog.PromQLSyntax, e.Position.Start, e.Message));
                    return null;
                }

                Statistics.PromQLParsed++;
            }
            else
            {
                Statistics.LogQL++;
                var parsed = LogQL.Parser.Parse(text);
                query = new LintQuery(dashboard, path, language, expanded, position, escaped, linter.contracts) { LogQL = parsed.Root, BaseOffset = baseOffset };
                if (!parsed.Success)
                {
                    var e = parsed.Errors.FirstOrDefault();
                    Findings.Add(query.Report(RuleCatalog.LogQLSyntax, e?.Range.Start ?? 0, e?.Message ?? "no expression"));
                    return null;
                }

                Statistics.LogQLParsed++;
            }

            foreach (var rule in linter.rules)
            {
                if (rule.Language == language)
                {
                    Findings.AddRange(rule.Check(query));
                }
            }

            return query;
        }

        private void LintVariable(TemplateVariable v)
        {
            if (v.Type != "query" || string.IsNullOrWhiteSpace(v.Query) || v.Datasource is not { Kind: DatasourceKind.Prometheus or DatasourceKind.Loki } ds)
            {
                return;
            }

            Statistics.Queries++;
            var path = $"{v.Path} variable \"{v.Name}\"";
            var language = ds.Kind == DatasourceKind.Loki ? QueryLanguage.LogQL : QueryLanguage.PromQL;
            var expanded = expander.Expand(v.Query, language);
            var text = expanded.Text;
            if (LabelNames().IsMatch(text))
            {
                return;
            }

            if (Metrics().Match(text) is { Success: true } mm)
            {
                var pattern = mm.Groups["re"].Value.Trim();
                if (!expanded.IsUnfixed(mm.Groups["re"].Index, mm.Groups["re"].Index + mm.Groups["re"].Length) && !AnyMatch(pattern, linter.contracts.SeriesNames))
                {
                    var query = new LintQuery(dashboard, path, language, expanded, v.QueryPosition, v.QueryIsEscaped, linter.contracts);
                    Findings.Add(query.Report(RuleCatalog.VariableQueryInvalid, mm.Groups["re"].Index, v.Name, $"metrics({pattern}) matches no declared metric"));
                }

                return;
            }

            if (QueryResult().Match(text) is { Success: true } qr)
            {
                LintExpression(v.Query, language, path, v.QueryPosition, v.QueryIsEscaped, expanded, qr.Groups["expr"].Index, qr.Groups["expr"].Length);
                return;
            }

            if (LabelValues().Match(text) is { Success: true } lv)
            {
                LintLabelValues(v, path, language, expanded, lv.Groups["args"]);
                return;
            }

            // Grafana sends any other variable query as a series match (Prometheus) or a log query (Loki).
            LintExpression(v.Query, language, path, v.QueryPosition, v.QueryIsEscaped, expanded);
        }

        private void LintLabelValues(TemplateVariable v, string path, QueryLanguage language, ExpansionResult expanded, Group args)
        {
            var argText = args.Value;
            var comma = LastTopLevelComma(argText);
            var labelStart = args.Index + comma + 1;
            var label = argText[(comma + 1)..].Trim();
            labelStart += argText[(comma + 1)..].IndexOf(label, StringComparison.Ordinal);
            if (label.Length == 0 || expanded.IsUnfixed(labelStart, labelStart + label.Length))
            {
                return;
            }

            var query = new LintQuery(dashboard, path, language, expanded, v.QueryPosition, v.QueryIsEscaped, linter.contracts);
            if (language == QueryLanguage.LogQL && comma >= 0 && argText[..comma].Trim() is "" or "{}")
            {
                // Grafana's Loki datasource asks the label values API without a selector for label_values({}, label).
                comma = -1;
            }

            if (comma < 0)
            {
                var known = language == QueryLanguage.LogQL
                    ? linter.contracts.StreamLabelNames
                    : linter.contracts.SeriesNames.Select(linter.contracts.FindSeries).SelectMany(s => s!.LabelNames).Distinct(StringComparer.Ordinal).ToList();
                if (known.Count > 0 && !known.Contains(label))
                {
                    Findings.Add(query.Report(RuleCatalog.VariableQueryInvalid, labelStart, v.Name, $"asks for the values of '{label}', which no declared {(language == QueryLanguage.LogQL ? "stream" : "metric")} has{ContractIndex.SuggestLabel(label, known)}"));
                }

                return;
            }

            var selector = LintExpression(v.Query!, language, path, v.QueryPosition, v.QueryIsEscaped, expanded, args.Index, comma);
            if (selector?.PromQL is { } e)
            {
                foreach (var s in SelectorFinder.Find(e))
                {
                    if (s.MetricName is { } name && PrometheusSeries.LabelsOf(linter.contracts, name) is { } labels && !labels.Contains(label) && !selector.IsTemplated(s.Position.Start, s.Position.End))
                    {
                        Findings.Add(query.Report(RuleCatalog.LabelNotOnMetric, labelStart, name, label, string.Join(", ", labels), ContractIndex.SuggestLabel(label, labels)));
                    }
                }
            }
            else if (selector?.LogQL is not null && linter.contracts.StreamLabelNames.Count > 0 && !linter.contracts.StreamLabelNames.Contains(label))
            {
                Findings.Add(query.Report(RuleCatalog.UnknownStreamLabel, labelStart, label, string.Join(", ", linter.contracts.StreamLabelNames), ""));
            }
        }

        private static int LastTopLevelComma(string s)
        {
            var depth = 0;
            var last = -1;
            var inString = false;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '"': inString = true; break;
                    case '(' or '{' or '[': depth++; break;
                    case ')' or '}' or ']': depth--; break;
                    case ',' when depth == 0: last = i; break;
                }
            }

            return last;
        }

        private static bool AnyMatch(string pattern, IEnumerable<string> names)
        {
            try
            {
                var re = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
                return names.Any(n => re.IsMatch(n));
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
            {
                return true;
            }
        }

        private FindingLocation PanelLocation(Panel panel) =>
            FindingLocation.InFile(dashboard.FilePath, new SourceSpan(panel.Position, panel.Position), panel.Describe());
    }
}
