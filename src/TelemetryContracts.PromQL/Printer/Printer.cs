using System.Text;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Prints trees. <see cref="Compact"/> equals Prometheus 2.42's <c>String()</c> (sorted matchers, normalised durations,
/// Go number formatting); <see cref="Pretty"/> equals its prettier, i.e. <c>/api/v1/format_query</c>, which splits
/// nodes whose compact form exceeds 100 bytes over indented lines.
/// </summary>
public static class Printer
{
    private const int MaxCharactersPerLine = 100;
    private const string IndentString = "  ";

    /// <summary>The compact single-line form.</summary>
    public static string Compact(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    /// <summary>The multi-line form of Prometheus's <c>parser.Prettify</c>.</summary>
    public static string Pretty(Expr e) => PrettyAt(e, 0);

    /// <summary>A duration expression as written in canonical form.</summary>
    public static string Duration(DurationExpr d)
    {
        var sb = new StringBuilder();
        WriteDuration(sb, d);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e)
    {
        switch (e)
        {
            case NumberLiteral n:
                sb.Append(GoFormat.Float(n.Value));
                break;
            case StringLiteral s:
                sb.Append(GoFormat.Quote(s.Value));
                break;
            case VectorSelector v:
                WriteSelector(sb, v);
                WriteModifiers(sb, v);
                WriteSelectorFlags(sb, v);
                break;
            case MatrixSelector m:
                WriteSelector(sb, m.VectorSelector);
                sb.Append('[');
                if (m.RangeExpr is not null) { WriteDuration(sb, m.RangeExpr); } else { sb.Append(GoFormat.Duration(m.RangeMs)); }
                sb.Append(']');
                WriteModifiers(sb, m.VectorSelector);
                WriteSelectorFlags(sb, m.VectorSelector);
                break;
            case SubqueryExpr q:
                Write(sb, q.Expr);
                WriteSubquerySuffix(sb, q);
                break;
            case ParenExpr p:
                sb.Append('(');
                Write(sb, p.Expr);
                sb.Append(')');
                break;
            case UnaryExpr u:
                sb.Append(u.Op.Text());
                Write(sb, u.Expr);
                break;
            case BinaryExpr b:
                Write(sb, b.Lhs);
                sb.Append(' ').Append(b.Op.Text());
                WriteBinaryModifiers(sb, b);
                sb.Append(' ');
                Write(sb, b.Rhs);
                break;
            case AggregateExpr a:
                WriteAggregateOp(sb, a);
                sb.Append('(');
                if (a.Param is not null)
                {
                    Write(sb, a.Param);
                    sb.Append(", ");
                }

                Write(sb, a.Expr);
                sb.Append(')');
                break;
            case Call c:
                sb.Append(c.Function.Name).Append('(');
                for (var i = 0; i < c.Args.Count; i++)
                {
                    if (i > 0) { sb.Append(", "); }
                    Write(sb, c.Args[i]);
                }

                sb.Append(')');
                break;
        }
    }

    private static void WriteSelector(StringBuilder sb, VectorSelector v)
    {
        var labels = new List<string>(v.Matchers.Count);
        foreach (var m in v.Matchers)
        {
            // The metric name is printed in front, so its own equality matcher is skipped (as Prometheus does).
            if (m.Name == "__name__" && m.Op == MatchOp.Equal && m.Value == v.Name) { continue; }
            labels.Add(m.ToString());
        }

        labels.Sort(StringComparer.Ordinal);
        var quotedName = v.Name.Length > 0 && !GoFormat.IsLegacyMetricName(v.Name);
        if (quotedName)
        {
            sb.Append('{').Append(GoFormat.Quote(v.Name));
            foreach (var l in labels) { sb.Append(", ").Append(l); }
            sb.Append('}');
            return;
        }

        sb.Append(v.Name);
        if (labels.Count == 0) { return; }
        sb.Append('{').AppendJoin(',', labels).Append('}');
    }

    private static void WriteSelectorFlags(StringBuilder sb, VectorSelector v)
    {
        if (v.Anchored) { sb.Append(" anchored"); }
        if (v.Smoothed) { sb.Append(" smoothed"); }
    }

    private static void WriteModifiers(StringBuilder sb, IModifiable m)
    {
        switch (m.At)
        {
            case AtKind.Timestamp: sb.Append(" @ ").Append(GoFormat.AtTimestamp(m.AtMs)); break;
            case AtKind.Start: sb.Append(" @ start()"); break;
            case AtKind.End: sb.Append(" @ end()"); break;
        }

        if (m.OffsetExpr is not null)
        {
            sb.Append(" offset ");
            WriteDuration(sb, m.OffsetExpr);
        }
        else if (m.OffsetMs > 0)
        {
            sb.Append(" offset ").Append(GoFormat.Duration(m.OffsetMs));
        }
        else if (m.OffsetMs < 0)
        {
            sb.Append(" offset -").Append(GoFormat.Duration(-m.OffsetMs));
        }
    }

    private static void WriteSubquerySuffix(StringBuilder sb, SubqueryExpr q)
    {
        sb.Append('[');
        if (q.RangeExpr is not null) { WriteDuration(sb, q.RangeExpr); } else { sb.Append(GoFormat.Duration(q.RangeMs)); }
        sb.Append(':');
        if (q.StepExpr is not null) { WriteDuration(sb, q.StepExpr); }
        else if (q.StepMs != 0) { sb.Append(GoFormat.Duration(q.StepMs)); }
        sb.Append(']');
        WriteModifiers(sb, q);
    }

    private static void WriteBinaryModifiers(StringBuilder sb, BinaryExpr b)
    {
        if (b.ReturnBool) { sb.Append(" bool"); }
        var vm = b.Matching;
        if (vm is null) { return; }
        if (vm.MatchingLabels.Count > 0 || vm.On)
        {
            sb.Append(vm.On ? " on (" : " ignoring (");
            WriteLabelList(sb, vm.MatchingLabels);
            sb.Append(')');
            if (vm.Card is VectorMatchCardinality.ManyToOne or VectorMatchCardinality.OneToMany)
            {
                sb.Append(vm.Card == VectorMatchCardinality.ManyToOne ? " group_left (" : " group_right (");
                WriteLabelList(sb, vm.Include);
                sb.Append(')');
            }
        }

        if (vm.FillBoth)
        {
            sb.Append(" fill(").Append(GoFormat.Float(vm.FillLeft!.Value)).Append(')');
        }
        else
        {
            if (vm.FillLeft is { } l) { sb.Append(" fill_left(").Append(GoFormat.Float(l)).Append(')'); }
            if (vm.FillRight is { } r) { sb.Append(" fill_right(").Append(GoFormat.Float(r)).Append(')'); }
        }
    }

    private static void WriteLabelList(StringBuilder sb, IReadOnlyList<string> labels)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0) { sb.Append(", "); }
            sb.Append(GoFormat.LabelName(labels[i]));
        }
    }

    private static void WriteAggregateOp(StringBuilder sb, AggregateExpr a)
    {
        sb.Append(a.Op);
        if (a.Without)
        {
            sb.Append(" without (");
            WriteLabelList(sb, a.Grouping);
            sb.Append(") ");
        }
        else if (a.Grouping.Count > 0)
        {
            sb.Append(" by (");
            WriteLabelList(sb, a.Grouping);
            sb.Append(") ");
        }
    }

    private static void WriteDuration(StringBuilder sb, DurationExpr d)
    {
        switch (d.Kind)
        {
            case DurationExprKind.Literal:
                sb.Append(d.HasUnit ? GoFormat.Duration((long)Math.Round(d.Seconds * 1000)) : GoFormat.Float(d.Seconds));
                break;
            case DurationExprKind.Step: sb.Append("step()"); break;
            case DurationExprKind.Range: sb.Append("range()"); break;
            case DurationExprKind.Paren:
                sb.Append('(');
                WriteDuration(sb, d.Left!);
                sb.Append(')');
                break;
            case DurationExprKind.Unary:
                sb.Append(d.Op.Text());
                WriteDuration(sb, d.Left!);
                break;
            case DurationExprKind.MinOf or DurationExprKind.MaxOf:
                sb.Append(d.Kind == DurationExprKind.MinOf ? "min_of(" : "max_of(");
                WriteDuration(sb, d.Left!);
                sb.Append(", ");
                WriteDuration(sb, d.Right!);
                sb.Append(')');
                break;
            default:
                WriteDuration(sb, d.Left!);
                sb.Append(' ').Append(d.Op.Text()).Append(' ');
                WriteDuration(sb, d.Right!);
                break;
        }
    }

    // ---- prettier ------------------------------------------------------------------------------------------

    private static string Indent(int n) => n == 0 ? string.Empty : string.Concat(Enumerable.Repeat(IndentString, n));

    private static bool NeedsSplit(Expr e, out string compact)
    {
        compact = Compact(e);
        // Go measures len() in bytes, so multi-byte characters count more than once.
        return compact.Length > MaxCharactersPerLine || Encoding.UTF8.GetByteCount(compact) > MaxCharactersPerLine;
    }

    private static string PrettyAt(Expr e, int level)
    {
        switch (e)
        {
            case AggregateExpr a:
                {
                    if (!NeedsSplit(a, out var s)) { return Indent(level) + s; }
                    var sb = new StringBuilder(Indent(level));
                    WriteAggregateOp(sb, a);
                    sb.Append("(\n");
                    if (a.Param is not null) { sb.Append(PrettyAt(a.Param, level + 1)).Append(",\n"); }
                    sb.Append(PrettyAt(a.Expr, level + 1)).Append('\n').Append(Indent(level)).Append(')');
                    return sb.ToString();
                }

            case BinaryExpr b:
                {
                    if (!NeedsSplit(b, out var s)) { return Indent(level) + s; }
                    var sb = new StringBuilder();
                    sb.Append(PrettyAt(b.Lhs, level + 1)).Append('\n').Append(Indent(level)).Append(b.Op.Text());
                    WriteBinaryModifiers(sb, b);
                    sb.Append('\n').Append(PrettyAt(b.Rhs, level + 1));
                    return sb.ToString();
                }

            case Call c:
                {
                    if (!NeedsSplit(c, out var s)) { return Indent(level) + s; }
                    var sb = new StringBuilder(Indent(level));
                    sb.Append(c.Function.Name).Append("(\n");
                    for (var i = 0; i < c.Args.Count; i++)
                    {
                        if (i > 0) { sb.Append(",\n"); }
                        sb.Append(PrettyAt(c.Args[i], level + 1));
                    }

                    sb.Append('\n').Append(Indent(level)).Append(')');
                    return sb.ToString();
                }

            case ParenExpr p:
                {
                    if (!NeedsSplit(p, out var s)) { return Indent(level) + s; }
                    return Indent(level) + "(\n" + PrettyAt(p.Expr, level + 1) + "\n" + Indent(level) + ")";
                }

            case SubqueryExpr q:
                {
                    // Prometheus 2.42 returns the unsplit subquery without its indent; kept for identical output.
                    if (!NeedsSplit(q, out var s)) { return s; }
                    var sb = new StringBuilder(PrettyAt(q.Expr, level));
                    WriteSubquerySuffix(sb, q);
                    return sb.ToString();
                }

            case UnaryExpr u:
                return Indent(level) + u.Op.Text() + PrettyAt(u.Expr, level).Trim();
            default:
                return Indent(level) + Compact(e);
        }
    }
}
