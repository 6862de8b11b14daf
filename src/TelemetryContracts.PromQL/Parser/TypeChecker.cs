using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>
/// The semantic checks of Prometheus's <c>checkAST</c>: operand and argument types, <c>bool</c> use, vector
/// matching rules, selector sanity. Runs only on syntactically valid trees and collects every error.
/// </summary>
internal sealed class TypeChecker(string input, List<ParseError> errors)
{
    private void Error(PositionRange pos, string message) => errors.Add(new ParseError(pos, message));

    public ExprType Check(Expr node)
    {
        switch (node)
        {
            case AggregateExpr a:
                ExpectType(a.Expr, ExprType.Vector, "aggregation expression");
                if (a.Op is "topk" or "bottomk" or "quantile" or "limitk" or "limit_ratio") { ExpectType(a.Param!, ExprType.Scalar, "aggregation parameter"); }
                if (a.Op == "count_values") { ExpectType(a.Param!, ExprType.String, "aggregation parameter"); }
                break;
            case BinaryExpr b:
                CheckBinary(b);
                break;
            case Call c:
                CheckCall(c);
                break;
            case ParenExpr p:
                Check(p.Expr);
                break;
            case UnaryExpr u:
                var ut = Check(u.Expr);
                if (ut is not ExprType.Scalar and not ExprType.Vector)
                {
                    Error(u.Position, $"unary expression only allowed on expressions of type scalar or instant vector, got {GoFormat.Quote(ut.Documented())}");
                }

                break;
            case SubqueryExpr s:
                var st = Check(s.Expr);
                if (st != ExprType.Vector)
                {
                    Error(s.Position, $"subquery is only allowed on instant vector, got {st.Short()} instead");
                }

                break;
            case MatrixSelector m:
                Check(m.VectorSelector);
                break;
            case VectorSelector v:
                CheckSelector(v);
                break;
        }

        return node.Type;
    }

    private void ExpectType(Expr e, ExprType want, string context)
    {
        var t = Check(e);
        if (t != want) { Error(e.Position, $"expected type {want.Documented()} in {context}, got {t.Documented()}"); }
    }

    private PositionRange OpRange(BinaryExpr n)
    {
        var s = n.Lhs.Position.End;
        var e = n.Rhs.Position.Start - 1;
        while (s < input.Length && char.IsWhiteSpace(input[s])) { s++; }
        while (e > s && e < input.Length && char.IsWhiteSpace(input[e])) { e--; }
        return new PositionRange(s, Math.Max(s, e));
    }

    private void CheckBinary(BinaryExpr n)
    {
        var lt = Check(n.Lhs);
        var rt = Check(n.Rhs);
        var vm = n.Matching;
        if (n.ReturnBool && !n.Op.IsComparison())
        {
            Error(OpRange(n), "bool modifier can only be used on comparison operators");
        }

        if (n.Op.IsComparison() && !n.ReturnBool && lt == ExprType.Scalar && rt == ExprType.Scalar)
        {
            Error(OpRange(n), "comparisons between scalars must use BOOL modifier");
        }

        if (vm is not null)
        {
            if (n.Op.IsSet() && vm.Card == VectorMatchCardinality.OneToOne) { vm.Card = VectorMatchCardinality.ManyToMany; }
            if (vm.On)
            {
                foreach (var l1 in vm.MatchingLabels)
                {
                    if (vm.Include.Contains(l1))
                    {
                        Error(OpRange(n), $"label {GoFormat.Quote(l1)} must not occur in ON and GROUP clause at once");
                    }
                }
            }
        }

        if (lt is not ExprType.Scalar and not ExprType.Vector)
        {
            Error(n.Lhs.Position, "binary expression must contain only scalar and instant vector types");
        }

        if (rt is not ExprType.Scalar and not ExprType.Vector)
        {
            Error(n.Rhs.Position, "binary expression must contain only scalar and instant vector types");
        }

        if ((lt != ExprType.Vector || rt != ExprType.Vector) && vm is not null)
        {
            if (vm.MatchingLabels.Count > 0)
            {
                Error(n.Position, "vector matching only allowed between instant vectors");
            }

            n.Matching = null;
        }
        else if (n.Op.IsSet() && vm is not null)
        {
            if (vm.Card is VectorMatchCardinality.OneToMany or VectorMatchCardinality.ManyToOne)
            {
                Error(n.Position, $"no grouping allowed for {GoFormat.Quote(n.Op.Text())} operation");
            }

            if (vm.Card != VectorMatchCardinality.ManyToMany)
            {
                Error(n.Position, "set operations must always be many-to-many");
            }
        }

        if ((lt == ExprType.Scalar || rt == ExprType.Scalar) && n.Op.IsSet())
        {
            Error(n.Position, $"set operator {GoFormat.Quote(n.Op.Text())} not allowed in binary scalar expression");
        }
    }

    private void CheckCall(Call n)
    {
        var f = n.Function;
        var nargs = f.ArgTypes.Count;
        if (f.Variadic == 0)
        {
            if (nargs != n.Args.Count)
            {
                Error(n.Position, $"expected {nargs} argument(s) in call to {GoFormat.Quote(f.Name)}, got {n.Args.Count}");
            }
        }
        else
        {
            var na = nargs - 1;
            if (na > n.Args.Count)
            {
                Error(n.Position, $"expected at least {na} argument(s) in call to {GoFormat.Quote(f.Name)}, got {n.Args.Count}");
            }
            else if (f.Variadic > 0 && na + f.Variadic < n.Args.Count)
            {
                Error(n.Position, $"expected at most {na + f.Variadic} argument(s) in call to {GoFormat.Quote(f.Name)}, got {n.Args.Count}");
            }
        }

        foreach (var arg in n.Args)
        {
            // Prometheus 3.x restricts the extended range selectors to the functions that can use them.
            if (arg is MatrixSelector { VectorSelector: var vs })
            {
                if (vs.Smoothed && f.Name is not ("delta" or "increase" or "rate"))
                {
                    Error(arg.Position, $"smoothed modifier can only be used with: delta, increase, rate - not with {f.Name}");
                }

                if (vs.Anchored && f.Name is not ("changes" or "delta" or "increase" or "rate" or "resets"))
                {
                    Error(arg.Position, $"anchored modifier can only be used with: changes, delta, increase, rate, resets - not with {f.Name}");
                }
            }
        }

        for (var i = 0; i < n.Args.Count; i++)
        {
            var ti = i;
            if (i >= nargs)
            {
                if (f.Variadic == 0 || nargs == 0) { break; }
                ti = nargs - 1;
            }

            if (f.Name == "info" && i == 1 && n.Args[i] is VectorSelector infoSelector)
            {
                // info()'s label selector may match the empty string (Prometheus 3.x exempts it from the check).
                if (infoSelector.Type != ExprType.Vector) { ExpectType(infoSelector, ExprType.Vector, "call to function \"info\""); }
                continue;
            }

            ExpectType(n.Args[i], f.ArgTypes[ti], $"call to function {GoFormat.Quote(f.Name)}");
        }
    }

    private void CheckSelector(VectorSelector n)
    {
        if (n.Name.Length > 0)
        {
            // The name written outside the braces is the last matcher; any other __name__ matcher sets it twice.
            for (var i = 0; i < n.Matchers.Count - 1; i++)
            {
                var m = n.Matchers[i];
                if (m.Name == "__name__")
                {
                    Error(n.Position, $"metric name must not be set twice: {GoFormat.Quote(n.Name)} or {GoFormat.Quote(m.Value)}");
                }
            }

            return;
        }

        foreach (var m in n.Matchers)
        {
            if (!m.Matches(string.Empty)) { return; }
        }

        Error(n.Position, "vector selector must contain at least one non-empty matcher");
    }
}
