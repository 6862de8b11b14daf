namespace TelemetryContracts.LogQL.Ast;

/// <summary>Base of every LogQL syntax node; every node knows where it came from.</summary>
/// <param name="Range">Character offsets of the node in the parsed text.</param>
public abstract record Node(PositionRange Range)
{
    /// <summary>Direct child nodes, in source order.</summary>
    public abstract IEnumerable<Node> Children();

    /// <summary>This node and all nodes below it, depth first, in source order.</summary>
    public IEnumerable<Node> DescendantsAndSelf()
    {
        var stack = new Stack<Node>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = node.Children().ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
