using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>The outcome of <see cref="PromQLParser.Parse"/>: a tree when there are no errors, and every error found.</summary>
public sealed class ParseResult
{
    internal ParseResult(string input, Expr? expr, IReadOnlyList<ParseError> errors, PromQLFeature features)
    {
        Input = input;
        Expr = errors.Count == 0 ? expr : null;
        PartialExpr = expr;
        Errors = errors;
        Features = features;
    }

    /// <summary>The text that was parsed.</summary>
    public string Input { get; }

    /// <summary>The tree; null when <see cref="Errors"/> is not empty.</summary>
    public Expr? Expr { get; }

    /// <summary>The tree built before type checking failed (null after a syntax error); for tooling that wants best effort.</summary>
    public Expr? PartialExpr { get; }

    /// <summary>Syntax and type errors in source order of discovery.</summary>
    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>True when the expression parsed and type-checked.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>Syntax newer than Prometheus 2.42 that the expression uses.</summary>
    public PromQLFeature Features { get; }
}
