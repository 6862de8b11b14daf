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

    private int[]? byteOffsets;
    private bool asciiChecked;

    /// <summary>
    /// Converts a node's character range into UTF-8 byte offsets (Prometheus's unit) in O(1) after the first call:
    /// ASCII input maps one to one, other input through a table built once.
    /// </summary>
    public PositionRange ToBytes(PositionRange chars)
    {
        if (!asciiChecked)
        {
            asciiChecked = true;
            if (!System.Text.Ascii.IsValid(Input))
            {
                byteOffsets = new int[Input.Length + 1];
                for (var i = 0; i < Input.Length; i++)
                {
                    var c = Input[i];
                    var n = c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
                    byteOffsets[i + 1] = byteOffsets[i] + n;
                }
            }
        }

        if (byteOffsets is null) { return chars; }
        return new PositionRange(byteOffsets[Math.Clamp(chars.Start, 0, Input.Length)], byteOffsets[Math.Clamp(chars.End, 0, Input.Length)]);
    }
}
