namespace TelemetryContracts.LogQL.Ast;

/// <summary><c>| regexp "(?P&lt;name&gt;...)"</c>.</summary>
/// <param name="Range">The stage including the pipe.</param>
/// <param name="Expression">The regular expression (RE2 syntax).</param>
public sealed record RegexpParserStage(PositionRange Range, string Expression) : ParserStage(Range)
{
    /// <inheritdoc />
    public override string ParserName => "regexp";

    /// <inheritdoc />
    public override IEnumerable<Node> Children() => [];
}
