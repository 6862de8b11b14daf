using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>Walks trees depth-first, like Prometheus's <c>parser.Inspect</c>, handing each node its ancestors.</summary>
public static class Inspector
{
    /// <summary>
    /// Calls <paramref name="visit"/> for every node in pre-order with the path of ancestors (root first).
    /// Returning false skips the node's children.
    /// </summary>
    public static void Inspect(Expr root, Func<Expr, IReadOnlyList<Expr>, bool> visit)
    {
        var path = new List<Expr>();
        Walk(root, path, visit);
    }

    /// <summary>Every node in pre-order.</summary>
    public static IEnumerable<Expr> Descendants(Expr root)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            var children = e.Children.ToList();
            for (var i = children.Count - 1; i >= 0; i--) { stack.Push(children[i]); }
        }
    }

    private static void Walk(Expr e, List<Expr> path, Func<Expr, IReadOnlyList<Expr>, bool> visit)
    {
        if (!visit(e, path)) { return; }
        path.Add(e);
        foreach (var c in e.Children) { Walk(c, path, visit); }
        path.RemoveAt(path.Count - 1);
    }
}
