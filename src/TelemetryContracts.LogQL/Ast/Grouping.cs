namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>by (a, b)</c> or <c>without (a)</c>.</summary>
/// <param name="Range">The clause.</param>
/// <param name="Without">True for without.</param>
/// <param name="Labels">Label names (empty for <c>by ()</c>).</param>
public sealed record Grouping(PositionRange Range, bool Without, IReadOnlyList<string> Labels) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
