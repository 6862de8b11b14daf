using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>Lists the vector selectors of an expression with their enclosing functions and aggregations.</summary>
public static class SelectorFinder
{
    /// <summary>All selectors in source order.</summary>
    public static IReadOnlyList<SelectorInfo> Find(Expr root)
    {
        var result = new List<SelectorInfo>();
        Inspector.Inspect(root, (node, path) =>
        {
            if (node is not VectorSelector vs) { return true; }
            var range = path.Count > 0 ? path[^1] as MatrixSelector : null;
            var enclosing = new List<Expr>();
            for (var i = path.Count - 1; i >= 0; i--)
            {
                if (path[i] is Call or AggregateExpr) { enclosing.Add(path[i]); }
            }

            result.Add(new SelectorInfo(vs, vs.MetricName, vs.Matchers, vs.Position, range, enclosing));
            return true;
        });
        return result;
    }
}
