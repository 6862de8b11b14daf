using System.Text;
using TelemetryContracts.LogQL.Ast;
using TelemetryContracts.LogQL.Checks;

namespace TelemetryContracts.LogQL;

/// <summary>
/// Prints a LogQL tree in Loki's canonical form: the String() of Loki's AST, which /loki/api/v1/format_query
/// returns (binary operations fully parenthesised, label filters as <c>( a , b )</c>, Go-quoted strings,
/// <c>sum by (x)(...)</c>). Printed text parses back to the same tree.
/// </summary>
public static class Printer
{
    /// <summary>Canonical text of <paramref name="node"/>.</summary>
    public static string Print(Node node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case LogSelectorExpr e:
                Write(sb, e.Selector);
                foreach (var stage in e.Stages)
                {
                    sb.Append(' ');
                    Write(sb, stage);
                }
                break;
            case StreamSelector s:
                sb.Append('{');
                for (var i = 0; i < s.Matchers.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, s.Matchers[i]);
                }
                sb.Append('}');
                break;
            case LabelMatcher m:
                sb.Append(m.Name).Append(MatchOp(m.Operator)).Append(GoFormat.Quote(m.Value));
                break;
            case LineFilterStage f:
                sb.Append(LineOp(f.Operator)).Append(' ');
                for (var i = 0; i < f.Terms.Count; i++)
                {
                    if (i > 0) sb.Append(" or ");
                    var t = f.Terms[i];
                    if (t.IsIp) sb.Append("ip(").Append(GoFormat.Quote(t.Value)).Append(')');
                    else sb.Append(GoFormat.Quote(t.Value));
                }
                break;
            case JsonParserStage j:
                if (j.Extractions.Count == 0)
                {
                    sb.Append("| json");
                }
                else
                {
                    sb.Append("| json ");
                    Extractions(sb, j.Extractions);
                }
                break;
            case LogfmtParserStage l:
                if (l.Extractions.Count == 0)
                {
                    sb.Append("| logfmt");
                    if (l.Strict) sb.Append(" --strict");
                    if (l.KeepEmpty) sb.Append(" --keep-empty");
                }
                else
                {
                    sb.Append("| logfmt ");
                    if (l.Strict) sb.Append("--strict ");
                    if (l.KeepEmpty) sb.Append("--keep-empty ");
                    Extractions(sb, l.Extractions);
                }
                break;
            case RegexpParserStage r:
                sb.Append("| regexp ").Append(GoFormat.Quote(r.Expression));
                break;
            case PatternParserStage p:
                sb.Append("| pattern ").Append(GoFormat.Quote(p.Expression));
                break;
            case UnpackParserStage:
                sb.Append("| unpack");
                break;
            case LabelFilterStage lf:
                sb.Append("| ");
                Write(sb, lf.Filter);
                break;
            case LineFormatStage lfmt:
                sb.Append("| line_format ").Append(GoFormat.Quote(lfmt.Template));
                break;
            case LabelFormatStage lbl:
                sb.Append("| label_format ");
                for (var i = 0; i < lbl.Items.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    var item = lbl.Items[i];
                    sb.Append(item.Label).Append('=').Append(item.IsRename ? item.Value : GoFormat.Quote(item.Value));
                }
                break;
            case DropLabelsStage d:
                sb.Append("| drop ");
                NamedMatchers(sb, d.Labels);
                break;
            case KeepLabelsStage k:
                sb.Append("| keep ");
                NamedMatchers(sb, k.Labels);
                break;
            case DecolorizeStage:
                sb.Append("| decolorize");
                break;
            case DistinctStage ds:
                sb.Append("| distinct ").Append(string.Join(',', ds.Labels));
                break;
            case StringLabelFilter s:
                if (s.Matcher.IsRegex && !s.Matcher.Value.Contains('`') && !LokiSimplifiesRegex(s.Matcher.Value))
                {
                    // Loki prints regex label filters it cannot simplify with the regex in backticks
                    // (LineFilterLabelFilter.String); simplified ones (literals, alternations of literals,
                    // .*literal.*) print as the plain matcher.
                    sb.Append(s.Matcher.Name).Append(MatchOp(s.Matcher.Operator)).Append('`').Append(s.Matcher.Value).Append('`');
                }
                else
                {
                    Write(sb, s.Matcher);
                }
                break;
            case NumericLabelFilter n:
                sb.Append(n.Label).Append(CmpOp(n.Operator)).Append(GoFormat.FloatF(n.Value));
                break;
            case DurationLabelFilter du:
                sb.Append(du.Label).Append(CmpOp(du.Operator)).Append(GoDuration.FormatGo(du.Nanoseconds));
                break;
            case BytesLabelFilter b:
                sb.Append(b.Label).Append(CmpOp(b.Operator)).Append(HumanizeBytes.Format(b.Bytes));
                break;
            case IpLabelFilter ip:
                sb.Append(ip.Label).Append(ip.Negated ? "!=" : "=").Append("ip(").Append(GoFormat.Quote(ip.Pattern)).Append(')');
                break;
            case BinaryLabelFilter bin:
                sb.Append("( ");
                Write(sb, bin.Left);
                sb.Append(bin.IsAnd ? " , " : " or ");
                Write(sb, bin.Right);
                sb.Append(" )");
                break;
            case LogRangeExpr r:
                Write(sb, r.Selector);
                if (r.Unwrap is not null) Write(sb, r.Unwrap);
                sb.Append('[').Append(GoDuration.FormatPrometheus(r.IntervalNanoseconds)).Append(']');
                if (r.OffsetNanoseconds != 0) sb.Append(" offset ").Append(GoDuration.FormatGo(r.OffsetNanoseconds));
                break;
            case UnwrapExpr u:
                sb.Append(" | unwrap ");
                if (u.Conversion == UnwrapConversion.None) sb.Append(u.Label);
                else sb.Append(Conversion(u.Conversion)).Append('(').Append(u.Label).Append(')');
                foreach (var f in u.PostFilters)
                {
                    sb.Append(" | ");
                    Write(sb, f);
                }
                break;
            case RangeAggregationExpr ra:
                sb.Append(ra.Operation).Append('(');
                if (ra.Parameter is { } p1) sb.Append(GoFormat.FloatF(p1)).Append(',');
                Write(sb, ra.Inner);
                sb.Append(')');
                if (ra.Grouping is not null) Write(sb, ra.Grouping);
                break;
            case Grouping g:
                sb.Append(g.Without ? " without (" : " by (").Append(string.Join(',', g.Labels)).Append(')');
                break;
            case VectorAggregationExpr va:
                sb.Append(va.Operation);
                // Loki omits by () (a singleton grouping) but keeps without ().
                if (va.Grouping is { } vg && (vg.Without || vg.Labels.Count > 0)) Write(sb, vg);
                sb.Append('(');
                if (va.Operation is "topk" or "bottomk" or "approx_topk") sb.Append(va.Parameter ?? 0).Append(',');
                Write(sb, va.Inner);
                sb.Append(')');
                break;
            case BinaryExpr be:
                sb.Append('(');
                Write(sb, be.Left);
                sb.Append(' ').Append(BinaryOperatorText(be)).Append(' ');
                Write(sb, be.Right);
                sb.Append(')');
                break;
            case LiteralExpr lit:
                sb.Append(GoFormat.FloatV(lit.Value));
                break;
            case VectorExpr v:
                sb.Append("vector(").Append(GoFormat.FloatFixed6(v.Value)).Append(')');
                break;
            case LabelReplaceExpr lr:
                sb.Append("label_replace(");
                Write(sb, lr.Inner);
                sb.Append(',').Append(GoFormat.Quote(lr.Destination)).Append(',').Append(GoFormat.Quote(lr.Replacement))
                    .Append(',').Append(GoFormat.Quote(lr.Source)).Append(',').Append(GoFormat.Quote(lr.Regex)).Append(')');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "node type has no printer");
        }
    }

    private static bool LokiSimplifiesRegex(string regex)
    {
        var core = regex;
        if (core == ".*") return true;
        if (core.StartsWith(".*", StringComparison.Ordinal)) core = core[2..];
        if (core.EndsWith(".*", StringComparison.Ordinal) && !core.EndsWith("\\.*", StringComparison.Ordinal)) core = core[..^2];
        return core.Split('|').All(part => part.Length > 0 && part.IndexOfAny(['\\', '.', '+', '*', '?', '(', ')', '[', ']', '{', '}', '^', '$']) < 0);
    }

    private static string BinaryOperatorText(BinaryExpr e)
    {
        var op = e.Operator;
        if (e.ReturnBool) op += " bool";
        if (e.Matching is { } m)
        {
            var group = m.Cardinality switch
            {
                VectorMatchCardinality.ManyToOne => "group_left",
                VectorMatchCardinality.OneToMany => "group_right",
                _ => "",
            };
            if (m.Include is not null) group = $"{group} ({string.Join(',', m.Include)})";
            if (m.On || m.MatchingLabels is not null)
            {
                // Same shape as Loki, including its double space when there is no group modifier.
                op = $"{op} {(m.On ? "on" : "ignoring")} ({string.Join(',', m.MatchingLabels ?? [])}) {group}";
            }
        }
        return op;
    }

    private static void Extractions(StringBuilder sb, IReadOnlyList<LabelExtraction> list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(list[i].Label).Append('=').Append(GoFormat.Quote(list[i].Expression));
        }
    }

    private static void NamedMatchers(StringBuilder sb, IReadOnlyList<NamedLabelMatcher> list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0) sb.Append(',');
            if (list[i].Matcher is { } m) Write(sb, m);
            else sb.Append(list[i].Name);
        }
    }

    private static string MatchOp(MatchOperator op) => op switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        _ => "!~",
    };

    private static string LineOp(LineFilterOperator op) => op switch
    {
        LineFilterOperator.Contains => "|=",
        LineFilterOperator.NotContains => "!=",
        LineFilterOperator.Regex => "|~",
        LineFilterOperator.NotRegex => "!~",
        LineFilterOperator.Pattern => "|>",
        _ => "!>",
    };

    private static string CmpOp(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.LessThan => "<",
        _ => "<=",
    };

    private static string Conversion(UnwrapConversion c) => c switch
    {
        UnwrapConversion.Bytes => "bytes",
        UnwrapConversion.Duration => "duration",
        _ => "duration_seconds",
    };
}
