using System.Text;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL.Tests;

/// <summary>Renders a tree as <c>Kind(details children)@start:end</c> so tests can state expected shapes and positions.</summary>
public static class TreeDump
{
    /// <summary>The tree with positions.</summary>
    public static string Dump(Expr e, bool positions = true)
    {
        var sb = new StringBuilder();
        Write(sb, e, positions);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr e, bool pos)
    {
        switch (e)
        {
            case NumberLiteral n: sb.Append("Num(").Append(n.ToString()).Append(')'); break;
            case StringLiteral s: sb.Append("Str(").Append(s.ToString()).Append(')'); break;
            case VectorSelector v: sb.Append("VS(").Append(v.ToString()).Append(')'); break;
            case MatrixSelector m: sb.Append("MS(").Append(m.ToString()).Append(')'); break;
            case SubqueryExpr q:
                sb.Append("Sub(");
                Write(sb, q.Expr, pos);
                sb.Append(' ').Append(q.ToString()[q.Expr.ToString().Length..].Trim()).Append(')');
                break;
            case ParenExpr p:
                sb.Append("Paren(");
                Write(sb, p.Expr, pos);
                sb.Append(')');
                break;
            case UnaryExpr u:
                sb.Append("Unary(").Append(u.Op.Text()).Append(' ');
                Write(sb, u.Expr, pos);
                sb.Append(')');
                break;
            case BinaryExpr b:
                sb.Append("Bin(").Append(b.Op.Text());
                if (b.ReturnBool) { sb.Append(" bool"); }
                if (b.Matching is { } vm && (vm.Explicit || vm.Card is VectorMatchCardinality.ManyToOne or VectorMatchCardinality.OneToMany))
                {
                    sb.Append(vm.On ? " on(" : " ignoring(").AppendJoin(',', vm.MatchingLabels).Append(')');
                    if (vm.Card is VectorMatchCardinality.ManyToOne or VectorMatchCardinality.OneToMany)
                    {
                        sb.Append(vm.Card == VectorMatchCardinality.ManyToOne ? " group_left(" : " group_right(").AppendJoin(',', vm.Include).Append(')');
                    }
                }

                sb.Append(' ');
                Write(sb, b.Lhs, pos);
                sb.Append(' ');
                Write(sb, b.Rhs, pos);
                sb.Append(')');
                break;
            case AggregateExpr a:
                sb.Append("Agg(").Append(a.Op);
                if (a.GroupingWritten) { sb.Append(a.Without ? " without(" : " by(").AppendJoin(',', a.Grouping).Append(')'); }
                foreach (var c in a.Children)
                {
                    sb.Append(' ');
                    Write(sb, c, pos);
                }

                sb.Append(')');
                break;
            case Call c:
                sb.Append("Call(").Append(c.Function.Name);
                foreach (var a in c.Args)
                {
                    sb.Append(' ');
                    Write(sb, a, pos);
                }

                sb.Append(')');
                break;
        }

        if (pos) { sb.Append('@').Append(e.Position.Start).Append(':').Append(e.Position.End); }
    }
}
