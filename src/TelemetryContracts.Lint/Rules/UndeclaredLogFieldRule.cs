using TelemetryContracts.Diagnostics;
using TelemetryContracts.LogQL;
using TelemetryContracts.LogQL.Ast;

namespace TelemetryContracts.Lint.Rules;

/// <summary>TC6058: a field extracted by <c>| json</c> (or filtered after <c>| json</c>/<c>| logfmt</c>) that the selected streams do not declare.</summary>
public sealed class UndeclaredLogFieldRule : ILintRule
{
    // Labels Loki itself adds during a query.
    private static readonly string[] LokiLabels = { "__error__", "__error_details__", "__line__", "__timestamp__", "__stream_shard__", "detected_level" };

    /// <inheritdoc />
    public Rule Rule => RuleCatalog.UndeclaredLogField;

    /// <inheritdoc />
    public QueryLanguage Language => QueryLanguage.LogQL;

    /// <inheritdoc />
    public IEnumerable<Finding> Check(LintQuery query)
    {
        if (query.LogQL is null)
        {
            yield break;
        }

        foreach (var log in query.LogQL.DescendantsAndSelf().OfType<LogSelectorExpr>())
        {
            var parser = log.Stages.OfType<ParserStage>().FirstOrDefault(p => p is JsonParserStage or LogfmtParserStage);
            if (parser is null)
            {
                continue;
            }

            var streams = query.Contracts.Streams.Where(s => LogStreams.CanSelect(s, log.Selector, query)).ToList();
            if (streams.Count == 0)
            {
                // Nothing declared is selected: TC6056/TC6057 already say why.
                continue;
            }

            var known = new HashSet<string>(streams.SelectMany(s => s.Fields.Concat(s.Labels.Keys)), StringComparer.Ordinal);
            known.UnionWith(LokiLabels);
            var fields = string.Join(", ", streams.SelectMany(s => s.Fields).Distinct(StringComparer.Ordinal));
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stage in log.Stages.OfType<JsonParserStage>())
            {
                foreach (var e in stage.Extractions)
                {
                    var field = FirstSegment(e.Expression);
                    if (field.Length > 0 && !known.Contains(field) && !query.IsTemplated(e.Range.Start, e.Range.End) && reported.Add(field))
                    {
                        yield return query.Report(Rule, e.Range.Start, field, fields);
                    }
                }
            }

            var extracted = new HashSet<string>(LogQuery.ExplicitlyExtractedLabels(log), StringComparer.Ordinal);
            var text = query.Expanded.Text;
            foreach (var label in LabelsAfter(log, parser))
            {
                if (known.Contains(label) || extracted.Contains(label) || !reported.Add(label))
                {
                    continue;
                }

                var at = IndexOfWord(text, label, query.BaseOffset + parser.Range.Start) - query.BaseOffset;
                var offset = at >= 0 ? at : parser.Range.Start;
                if (!query.IsTemplated(offset, offset + label.Length))
                {
                    yield return query.Report(Rule, offset, label, fields);
                }
            }
        }
    }

    private static IEnumerable<string> LabelsAfter(LogSelectorExpr log, ParserStage parser)
    {
        var after = false;
        foreach (var stage in log.Stages)
        {
            after |= ReferenceEquals(stage, parser);
            if (after && stage is LabelFilterStage f)
            {
                foreach (var l in f.Filter.ReferencedLabels())
                {
                    yield return l;
                }
            }
        }
    }

    private static string FirstSegment(string jsonPath)
    {
        var s = jsonPath.Trim().Trim('"');
        var end = s.IndexOfAny(new[] { '.', '[' });
        return (end < 0 ? s : s[..end]).Trim('"', '\'');
    }

    private static int IndexOfWord(string text, string word, int from)
    {
        for (var i = text.IndexOf(word, Math.Clamp(from, 0, text.Length), StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_');
            var after = i + word.Length >= text.Length || !(char.IsLetterOrDigit(text[i + word.Length]) || text[i + word.Length] == '_');
            if (before && after)
            {
                return i;
            }
        }

        return -1;
    }
}
