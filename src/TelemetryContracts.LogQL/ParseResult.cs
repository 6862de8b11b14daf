using TelemetryContracts.LogQL.Ast;

namespace TelemetryContracts.LogQL;

/// <summary>The outcome of parsing: the tree (possibly partial) and every error found.</summary>
/// <param name="Text">The parsed input.</param>
/// <param name="Root">The expression; null when the input is too broken to build one.</param>
/// <param name="Errors">All errors, ordered by position.</param>
public sealed record ParseResult(string Text, Expr? Root, IReadOnlyList<ParseError> Errors)
{
    /// <summary>True when Loki would accept the query (no error of any kind).</summary>
    public bool Success => Errors.Count == 0 && Root is not null;
}
