using TelemetryContracts.LogQL.Ast;

namespace TelemetryContracts.LogQL;

/// <summary>
/// What a lint needs to know about a parsed LogQL query: stream selectors with their matchers, parser stages
/// and the fields they extract, label filters, the labels referenced after parsing, range aggregations and unwraps.
/// </summary>
public static class LogQuery
{
    /// <summary>Every stream selector, in source order (a binary operation has several).</summary>
    public static IReadOnlyList<StreamSelector> StreamSelectors(Node root) => root.DescendantsAndSelf().OfType<StreamSelector>().ToList();

    /// <summary>Every parser stage (json, logfmt, regexp, pattern, unpack), in source order.</summary>
    public static IReadOnlyList<ParserStage> ParserStages(Node root) => root.DescendantsAndSelf().OfType<ParserStage>().ToList();

    /// <summary>Labels extracted by name: json/logfmt parameters, regexp named groups and pattern captures.
    /// A parser without parameters (<c>| json</c>) extracts fields that are only known from the data.</summary>
    public static IReadOnlyList<string> ExplicitlyExtractedLabels(Node root)
    {
        var result = new List<string>();
        foreach (var stage in ParserStages(root))
        {
            switch (stage)
            {
                case JsonParserStage j: result.AddRange(j.Extractions.Select(e => e.Label)); break;
                case LogfmtParserStage l: result.AddRange(l.Extractions.Select(e => e.Label)); break;
                case RegexpParserStage r: result.AddRange(Checks.Re2Check.NamedGroups(r.Expression) ?? []); break;
                case PatternParserStage p: result.AddRange(Checks.PatternCheck.Captures(p.Expression, out _).Where(c => c != "_")); break;
            }
        }
        return result;
    }

    /// <summary>Every label filter, including unwrap post-filters, in source order (outermost first).</summary>
    public static IReadOnlyList<LabelFilter> LabelFilters(Node root) => root.DescendantsAndSelf()
        .Select(n => n switch { LabelFilterStage s => s.Filter, UnwrapExpr => null, _ => null })
        .OfType<LabelFilter>()
        .Concat(root.DescendantsAndSelf().OfType<UnwrapExpr>().SelectMany(u => u.PostFilters))
        .ToList();

    /// <summary>
    /// Labels the query reads after its first parser stage: label filters, label_format sources, drop/keep,
    /// unwrap, and the grouping/matching labels of the aggregations above. These exist only if a parser (or the
    /// stream) provides them, which is what a "No data" lint has to check.
    /// </summary>
    public static IReadOnlyList<string> LabelsReferencedAfterParsing(Node root)
    {
        var result = new List<string>();
        foreach (var log in root.DescendantsAndSelf().OfType<LogSelectorExpr>())
        {
            var parsed = false;
            foreach (var stage in log.Stages)
            {
                if (stage is ParserStage) parsed = true;
                if (!parsed) continue;
                switch (stage)
                {
                    case LabelFilterStage f: result.AddRange(f.Filter.ReferencedLabels()); break;
                    case LabelFormatStage lf: result.AddRange(lf.Items.Where(i => i.IsRename).Select(i => i.Value)); break;
                    case DropLabelsStage d: result.AddRange(d.Labels.Select(l => l.Name)); break;
                    case KeepLabelsStage k: result.AddRange(k.Labels.Select(l => l.Name)); break;
                    case DistinctStage ds: result.AddRange(ds.Labels); break;
                }
            }
        }
        foreach (var u in root.DescendantsAndSelf().OfType<UnwrapExpr>())
        {
            result.Add(u.Label);
            result.AddRange(u.PostFilters.SelectMany(f => f.ReferencedLabels()));
        }
        foreach (var g in root.DescendantsAndSelf().OfType<Grouping>())
        {
            result.AddRange(g.Labels);
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every range aggregation (rate, count_over_time, ...), in source order.</summary>
    public static IReadOnlyList<RangeAggregationExpr> RangeAggregations(Node root) => root.DescendantsAndSelf().OfType<RangeAggregationExpr>().ToList();

    /// <summary>Every unwrap, in source order.</summary>
    public static IReadOnlyList<UnwrapExpr> Unwraps(Node root) => root.DescendantsAndSelf().OfType<UnwrapExpr>().ToList();
}
