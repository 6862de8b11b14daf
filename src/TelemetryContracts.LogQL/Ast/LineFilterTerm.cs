namespace TelemetryContracts.LogQL.Ast;

/// <summary>One operand of a line filter: a string or <c>ip("...")</c>.</summary>
/// <param name="Range">The operand.</param>
/// <param name="Value">Unquoted string or IP pattern.</param>
/// <param name="IsIp">True for <c>ip("...")</c>.</param>
public sealed record LineFilterTerm(PositionRange Range, string Value, bool IsIp) : Node(Range)
{
    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
