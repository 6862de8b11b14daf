using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using TelemetryContracts.LogQL.Ast;
using TelemetryContracts.LogQL.Checks;

namespace TelemetryContracts.LogQL;

/// <summary>
/// Parses LogQL as Loki 2.9/3.x does (grammar of pkg/logql/syntax/syntax.y, checks of ast.go/parser.go),
/// by recursive descent. Every node carries its character range; all errors are collected with positions;
/// no input makes it throw; nesting depth is bounded.
/// </summary>
public sealed partial class Parser
{
    /// <summary>Loki rejects queries longer than this many bytes (parser.go maxInputSize).</summary>
    public const int MaxInputBytes = 128 * 1024;

    /// <summary>Deepest nesting of parentheses, aggregations and filters accepted.</summary>
    public const int MaxDepth = 200;

    private static readonly HashSet<string> VectorOps = new(StringComparer.Ordinal)
    {
        "sum", "avg", "max", "min", "count", "stddev", "stdvar", "bottomk", "topk", "sort", "sort_desc", "approx_topk",
    };

    private static readonly HashSet<string> RangeOps = new(StringComparer.Ordinal)
    {
        "count_over_time", "rate", "rate_counter", "bytes_over_time", "bytes_rate", "avg_over_time", "sum_over_time",
        "min_over_time", "max_over_time", "stdvar_over_time", "stddev_over_time", "quantile_over_time",
        "first_over_time", "last_over_time", "absent_over_time",
    };

    private readonly string text;
    private readonly IReadOnlyList<Token> tokens;
    private readonly List<ParseError> errors;
    private int pos;
    private int depth;

    private Parser(string text, IReadOnlyList<Token> tokens, List<ParseError> errors)
    {
        this.text = text;
        this.tokens = tokens;
        this.errors = errors;
    }

    /// <summary>Parses and validates <paramref name="text"/>. Never throws.</summary>
    public static ParseResult Parse(string text)
    {
        text ??= "";
        var errors = new List<ParseError>();
        Expr? root = null;
        try
        {
            if (Encoding.UTF8.GetByteCount(text) > MaxInputBytes)
            {
                errors.Add(new ParseError($"input size too long ({Encoding.UTF8.GetByteCount(text)} > {MaxInputBytes})", new PositionRange(0, text.Length), ParseErrorKind.Limit));
            }
            else
            {
                var tokens = Lexer.Tokenize(text, errors);
                var parser = new Parser(text, tokens, errors);
                root = parser.ParseRoot();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must surface as a located error, never as a crash of the caller.
            errors.Add(new ParseError($"internal parser error ({ex.GetType().Name})", new PositionRange(0, text.Length), ParseErrorKind.Limit));
            root = null;
        }
        var located = errors
            .OrderBy(e => e.Range.Start)
            .ThenBy(e => e.Kind)
            .Select(e => Locate(text, e))
            .Distinct()
            .ToList();
        return new ParseResult(text, root, located);
    }

    private static ParseError Locate(string text, ParseError error)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(error.Range.Start, text.Length);
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return error with { Line = line, Column = error.Range.Start - lineStart + 1 };
    }

    private Expr? ParseRoot()
    {
        Expr? expr;
        try
        {
            expr = ParseExpr(0);
            if (Cur.Kind != TokenKind.EndOfInput)
            {
                Fail($"syntax error: unexpected {Cur.Display}");
            }
        }
        catch (SyntaxAbort)
        {
            return null;
        }
        ValidateSelectors(expr);
        return expr;
    }

    private sealed class SyntaxAbort : Exception;

    private Token Cur => tokens[pos];

    private Token PeekAt(int offset) => tokens[Math.Min(pos + offset, tokens.Count - 1)];

    private Token Advance()
    {
        var t = tokens[pos];
        if (pos < tokens.Count - 1) pos++;
        return t;
    }

    private int PrevEnd => pos == 0 ? 0 : tokens[pos - 1].Range.End;

    private PositionRange From(int start) => new(start, Math.Max(start, PrevEnd));

    [DoesNotReturn]
    private void Fail(string message, Token? at = null)
    {
        var token = at ?? Cur;
        // The lexer already reported a malformed token; a second "unexpected" error would only add noise.
        if (token.Kind != TokenKind.Invalid)
        {
            errors.Add(new ParseError(message, token.Range, ParseErrorKind.Syntax));
        }
        throw new SyntaxAbort();
    }

    private void Invalid(string message, PositionRange range) => errors.Add(new ParseError(message, range, ParseErrorKind.Validation));

    private Token Expect(TokenKind kind, string expecting)
    {
        if (Cur.Kind != kind) Fail($"syntax error: unexpected {Cur.Display}, expecting {expecting}");
        return Advance();
    }

    private Token ExpectKeyword(string keyword)
    {
        if (!Cur.IsKeyword(keyword)) Fail($"syntax error: unexpected {Cur.Display}, expecting {keyword}");
        return Advance();
    }

    private void Enter()
    {
        depth++;
        if (depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            errors.Add(new ParseError($"expression nested too deeply (more than {MaxDepth} levels)", Cur.Range, ParseErrorKind.Limit));
            throw new SyntaxAbort();
        }
    }

    private void Leave() => depth--;

    private static bool IsLineFilterOp(TokenKind kind) => kind is TokenKind.PipeExact or TokenKind.PipeMatch or TokenKind.PipePattern or TokenKind.Neq or TokenKind.Nre or TokenKind.Npa;

    private double ParseFloatOrError(Token token, string what)
    {
        if (GoFormat.TryParseFloat(token.Value, out var value)) return value;
        Invalid($"unable to parse {what} as a float: strconv.ParseFloat: parsing {GoFormat.Quote(token.Value)}: invalid syntax", token.Range);
        return 0;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
