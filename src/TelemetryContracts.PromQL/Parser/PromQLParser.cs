using System.Globalization;
using System.Runtime.CompilerServices;
using TelemetryContracts.PromQL.Ast;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Parses PromQL as Prometheus does (grammar of <c>promql/parser/generated_parser.y</c>, semantic checks of
/// <c>checkAST</c>), plus newer 3.x syntax which it records in <see cref="ParseResult.Features"/>. Never throws:
/// every problem is a located <see cref="ParseError"/>; nesting deeper than <see cref="MaxDepth"/> is an error.
/// </summary>
public sealed class PromQLParser
{
    /// <summary>Deepest nesting accepted; deeper input is reported instead of risking the stack.</summary>
    public const int MaxDepth = 500;

    private readonly string input;
    private readonly List<Token> toks;
    private readonly List<ParseError> errors = [];
    private PromQLFeature features;
    private int i;
    private int depth;
    private bool tooDeep;

    private PromQLParser(string input, List<Token> toks, PromQLFeature features)
    {
        this.input = input;
        this.toks = toks;
        this.features = features;
    }

    /// <summary>Parses and type-checks <paramref name="input"/>.</summary>
    public static ParseResult Parse(string input)
    {
        input ??= string.Empty;
        var (toks, lexFeatures) = Lexer.Lex(input);
        var p = new PromQLParser(input, toks, lexFeatures);
        Expr? expr = null;
        try
        {
            if (toks[0].Kind == TokenKind.Eof)
            {
                throw p.Fail(new PositionRange(0, 0), "no expression found in input");
            }

            expr = p.ParseExpr(0);
            var t = p.Peek();
            if (t.Kind != TokenKind.Eof) { p.Unexpected(t, ""); }
        }
        catch (SyntaxError)
        {
            expr = null;
        }

        if (p.errors.Count == 0 && expr is not null)
        {
            var checker = new TypeChecker(input, p.errors);
            checker.Check(expr);
        }

        return new ParseResult(input, expr, p.errors, p.features);
    }

    private sealed class SyntaxError : Exception;

    private Token Peek(int k = 0) => toks[Math.Min(i + k, toks.Count - 1)];

    private Token Next() => toks[Math.Min(i++, toks.Count - 1)];

    private bool Accept(TokenKind k)
    {
        if (Peek().Kind != k) { return false; }
        i++;
        return true;
    }

    private string Text(Token t) => input.Substring(t.Start, t.End - t.Start);

    private bool TextIs(Token t, string s) => input.AsSpan(t.Start, t.End - t.Start).Equals(s, StringComparison.Ordinal);

    private void AddError(PositionRange pos, string message) => errors.Add(new ParseError(pos, message));

    private SyntaxError Fail(PositionRange pos, string message)
    {
        AddError(pos, message);
        return new SyntaxError();
    }

    /// <summary>Reports "unexpected X in context, expected Y" at <paramref name="t"/> and aborts the parse.</summary>
    private SyntaxError Unexpected(Token t, string context, string expected = "")
    {
        if (t.Kind == TokenKind.Error) { throw Fail(t.Position, t.Value!); }
        if (t.Kind == TokenKind.Eof)
        {
            // Like Prometheus's lexer, report what is still open at the end of input.
            int parens = 0, brackets = 0;
            foreach (var k in toks)
            {
                switch (k.Kind)
                {
                    case TokenKind.LeftParen: parens++; break;
                    case TokenKind.RightParen: parens--; break;
                    case TokenKind.LeftBracket: brackets++; break;
                    case TokenKind.RightBracket: brackets--; break;
                }
            }

            if (parens > 0) { throw Fail(t.Position, "unclosed left parenthesis"); }
            if (brackets > 0) { throw Fail(t.Position, "unclosed left bracket"); }
        }

        var msg = "unexpected " + Describe(t);
        if (context.Length > 0) { msg += " in " + context; }
        if (expected.Length > 0) { msg += ", expected " + expected; }
        throw Fail(t.Position, msg);
    }

    private string Describe(Token t)
    {
        var text = Text(t);
        return t.Kind switch
        {
            TokenKind.Eof => "end of input",
            TokenKind.Identifier => "identifier " + GoFormat.Quote(text),
            TokenKind.MetricIdentifier => "metric identifier " + GoFormat.Quote(text),
            TokenKind.Number => "number " + GoFormat.Quote(text),
            TokenKind.Duration => "duration " + GoFormat.Quote(text),
            TokenKind.String => "string " + GoFormat.Quote(text),
            _ when t.IsAggregator => $"<aggr:{text}>",
            TokenKind.And or TokenKind.Or or TokenKind.Unless or TokenKind.Atan2 => $"<op:{text}>",
            _ when t.IsKeyword => $"<{text}>",
            TokenKind.Add or TokenKind.Sub or TokenKind.Mul or TokenKind.Div or TokenKind.Mod or TokenKind.Pow or TokenKind.EqlC
                or TokenKind.Neq or TokenKind.Lss or TokenKind.Lte or TokenKind.Gtr or TokenKind.Gte
                or TokenKind.EqlRegex or TokenKind.NeqRegex => $"<op:{text}>",
            _ => GoFormat.Quote(text),
        };
    }

    private void Enter(Token at)
    {
        if (++depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            tooDeep = true;
            throw Fail(at.Position, $"expression nesting exceeds the maximum depth of {MaxDepth}");
        }
    }

    private static int Height(Expr e) => e.Height;

    // ---- expressions ----------------------------------------------------------------------------------

    private static Operator? BinaryOp(TokenKind k) => k switch
    {
        TokenKind.Add => Operator.Add, TokenKind.Sub => Operator.Sub, TokenKind.Mul => Operator.Mul,
        TokenKind.Div => Operator.Div, TokenKind.Mod => Operator.Mod, TokenKind.Pow => Operator.Pow,
        TokenKind.Atan2 => Operator.Atan2, TokenKind.EqlC => Operator.Eql, TokenKind.Neq => Operator.Neq,
        TokenKind.Lss => Operator.Lss, TokenKind.Lte => Operator.Lte, TokenKind.Gtr => Operator.Gtr,
        TokenKind.Gte => Operator.Gte, TokenKind.And => Operator.And, TokenKind.Or => Operator.Or,
        TokenKind.Unless => Operator.Unless, TokenKind.TrimUpper => Operator.TrimUpper, TokenKind.TrimLower => Operator.TrimLower,
        _ => null,
    };

    private Expr ParseExpr(int minPrec)
    {
        Enter(Peek());
        var lhs = ParseUnary();
        while (true)
        {
            var opTok = Peek();
            var op = BinaryOp(opTok.Kind);
            if (op is null || op.Value.Precedence() < minPrec) { break; }
            i++;
            if (op is Operator.TrimUpper or Operator.TrimLower) { features |= PromQLFeature.NewOperators; }
            var returnBool = Accept(TokenKind.Bool);
            var matching = ParseMatchingModifiers();
            var prec = op.Value.Precedence();
            var rhs = ParseExpr(op == Operator.Pow ? prec : prec + 1);
            var bin = new BinaryExpr(op.Value, lhs, rhs, returnBool, matching)
            {
                Position = new PositionRange(lhs.Position.Start, rhs.Position.End),
                Height = Math.Max(lhs.Height, rhs.Height) + 1,
            };
            if (bin.Height > MaxDepth)
            {
                tooDeep = true;
                throw Fail(opTok.Position, $"expression nesting exceeds the maximum depth of {MaxDepth}");
            }

            lhs = bin;
        }

        depth--;
        return lhs;
    }

    private VectorMatching ParseMatchingModifiers()
    {
        var vm = new VectorMatching { Card = VectorMatchCardinality.OneToOne };
        var t = Peek();
        if (t.Kind is TokenKind.On or TokenKind.Ignoring)
        {
            i++;
            vm.Explicit = true;
            vm.On = t.Kind == TokenKind.On;
            vm.MatchingLabels.AddRange(ParseGroupingLabels());
            var g = Peek();
            if (g.Kind is TokenKind.GroupLeft or TokenKind.GroupRight)
            {
                i++;
                vm.Card = g.Kind == TokenKind.GroupLeft ? VectorMatchCardinality.ManyToOne : VectorMatchCardinality.OneToMany;
                if (Peek().Kind == TokenKind.LeftParen) { vm.Include.AddRange(ParseGroupingLabels()); }
            }
        }

        // fill(v), fill_left(v), fill_right(v): Prometheus 3.x binary operator modifiers.
        while (Peek().Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.LeftParen &&
               (TextIs(Peek(), "fill") || TextIs(Peek(), "fill_left") || TextIs(Peek(), "fill_right")))
        {
            var name = Text(Next());
            i++;
            var neg = false;
            if (Peek().Kind is TokenKind.Sub or TokenKind.Add) { neg = Next().Kind == TokenKind.Sub; }
            var num = Peek();
            if (num.Kind != TokenKind.Number) { throw Unexpected(num, "fill modifier", "number"); }
            i++;
            var v = ParseNumber(num);
            if (neg) { v = -v; }
            if (!Accept(TokenKind.RightParen)) { throw Unexpected(Peek(), "fill modifier", "\")\""); }
            features |= PromQLFeature.FillModifiers;
            switch (name)
            {
                case "fill": vm.FillLeft = v; vm.FillRight = v; vm.FillBoth = true; break;
                case "fill_left": vm.FillLeft = v; break;
                default: vm.FillRight = v; break;
            }
        }

        return vm;
    }

    private List<string> ParseGroupingLabels()
    {
        var open = Peek();
        if (open.Kind != TokenKind.LeftParen) { throw Unexpected(open, "grouping opts", "\"(\""); }
        i++;
        var labels = new List<string>();
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.RightParen)
            {
                i++;
                return labels;
            }

            if (t.Kind == TokenKind.String)
            {
                features |= PromQLFeature.Utf8Names;
                labels.Add(t.Value!);
            }
            else if ((t.Kind == TokenKind.Identifier || t.IsKeyword) && GoFormat.IsLegacyLabelName(Text(t)))
            {
                labels.Add(Text(t));
            }
            else if (t.Kind == TokenKind.Eof)
            {
                throw Fail(t.Position, "unclosed left parenthesis");
            }
            else
            {
                throw Unexpected(t, "grouping opts", "label");
            }

            i++;
            var sep = Peek();
            if (sep.Kind == TokenKind.Comma) { i++; }
            else if (sep.Kind != TokenKind.RightParen)
            {
                throw sep.Kind == TokenKind.Eof ? Fail(sep.Position, "unclosed left parenthesis") : Unexpected(sep, "grouping opts", "\",\" or \")\"");
            }
        }
    }

    private Expr ParseUnary()
    {
        var t = Peek();
        if (t.Kind is TokenKind.Add or TokenKind.Sub)
        {
            i++;
            var operand = ParseExpr(Operator.Pow.Precedence());
            var op = t.Kind == TokenKind.Add ? Operator.Add : Operator.Sub;
            if (operand is NumberLiteral n)
            {
                // Prometheus folds the sign into the literal: -1 is a number, not a unary expression.
                if (op == Operator.Sub) { n.Value = -n.Value; }
                n.Position = new PositionRange(t.Start, n.Position.End);
                return n;
            }

            return new UnaryExpr(op, operand) { Position = new PositionRange(t.Start, operand.Position.End), Height = operand.Height + 1 };
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePostfix(Expr e)
    {
        while (true)
        {
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.LeftBracket:
                    e = ParseRangeOrSubquery(e);
                    continue;
                case TokenKind.Offset:
                    i++;
                    ParseOffset(e, t);
                    continue;
                case TokenKind.At:
                    i++;
                    ParseAt(e, t);
                    continue;
                case TokenKind.Identifier when TextIs(t, "anchored") || TextIs(t, "smoothed"):
                    var vs = e as VectorSelector ?? (e as MatrixSelector)?.VectorSelector;
                    if (vs is null) { throw Unexpected(t, ""); }
                    i++;
                    features |= PromQLFeature.SelectorModifiers;
                    if (TextIs(t, "anchored")) { vs.Anchored = true; } else { vs.Smoothed = true; }
                    e.Position = new PositionRange(e.Position.Start, t.End);
                    continue;
                default:
                    return e;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Number:
                i++;
                return new NumberLiteral(ParseNumber(t)) { Position = t.Position };
            case TokenKind.Duration:
                {
                    // Prometheus 3.x reads a duration in expression position as its number of seconds.
                    i++;
                    var seconds = DurationSeconds(t);
                    features |= PromQLFeature.DurationAsNumber;
                    return new NumberLiteral(seconds) { Position = t.Position };
                }

            case TokenKind.String:
                i++;
                return new StringLiteral(t.Value!) { Position = t.Position };
            case TokenKind.LeftParen:
                {
                    i++;
                    if (Peek().Kind == TokenKind.RightParen) { throw Unexpected(Peek(), string.Empty); }
                    var inner = ParseExpr(0);
                    var close = Peek();
                    if (close.Kind != TokenKind.RightParen)
                    {
                        throw close.Kind == TokenKind.Eof ? Fail(close.Position, "unclosed left parenthesis") : Unexpected(close, "paren expression", "\")\"");
                    }

                    i++;
                    return new ParenExpr(inner) { Position = new PositionRange(t.Start, close.End), Height = inner.Height + 1 };
                }

            case TokenKind.LeftBrace:
                return ParseVectorSelector(null);
            case TokenKind.Identifier:
                if (Peek(1).Kind == TokenKind.LeftParen)
                {
                    if ((TextIs(t, "limitk") || TextIs(t, "limit_ratio")) && Peek(1).Kind == TokenKind.LeftParen)
                    {
                        features |= PromQLFeature.NewAggregations;
                        return ParseAggregation(t, Text(t));
                    }

                    return ParseCall(t);
                }

                if ((TextIs(t, "limitk") || TextIs(t, "limit_ratio")) && Peek(1).Kind is TokenKind.By or TokenKind.Without)
                {
                    features |= PromQLFeature.NewAggregations;
                    return ParseAggregation(t, Text(t));
                }

                return ParseVectorSelector(t);
            case TokenKind.MetricIdentifier:
                return ParseVectorSelector(t);
            case TokenKind.Start or TokenKind.End when Peek(1).Kind == TokenKind.LeftParen:
                return ParseCall(t);
            case TokenKind.Eof:
                throw Unexpected(t, "", "");
            case TokenKind.Error:
                throw Fail(t.Position, t.Value!);
        }

        if (t.IsAggregator)
        {
            if (Peek(1).Kind is TokenKind.LeftParen or TokenKind.By or TokenKind.Without)
            {
                return ParseAggregation(t, Text(t).ToLowerInvariant());
            }

            return ParseVectorSelector(t);
        }

        if (t.Kind is TokenKind.And or TokenKind.Or or TokenKind.Unless or TokenKind.By or TokenKind.Without or TokenKind.Offset
            or TokenKind.Start or TokenKind.End)
        {
            return ParseVectorSelector(t);
        }

        throw Unexpected(t, "");
    }

    /// <summary>A duration token's value in seconds; a malformed duration fails the parse at the token.</summary>
    private double DurationSeconds(Token t)
    {
        var ms = DurationText.Parse(input.AsSpan(t.Start, t.End - t.Start), out var err);
        return err is null ? ms / 1000.0 : throw Fail(t.Position, err);
    }

    private double ParseNumber(Token t)
    {
        var s = input.AsSpan(t.Start, t.End - t.Start);
        if (s.Contains('_')) { s = s.ToString().Replace("_", string.Empty, StringComparison.Ordinal); }
        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase)) { return double.PositiveInfinity; }
        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase)) { return double.NaN; }
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            if (long.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h) && h >= 0) { return h; }
        }
        else if (double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d))
        {
            // .NET saturates to infinity where Go's ParseFloat reports the overflow.
            if (double.IsInfinity(d)) { throw Fail(t.Position, $"error parsing number: strconv.ParseFloat: parsing {GoFormat.Quote(s.ToString())}: value out of range"); }
            return d;
        }

        throw Fail(t.Position, $"error parsing number: strconv.ParseFloat: parsing {GoFormat.Quote(s.ToString())}: invalid syntax");
    }

    private Expr ParseCall(Token nameTok)
    {
        var name = Text(nameTok);
        var fn = FunctionTable.Find(name);
        i += 2; // name and "("
        var args = ParseArgs("function call");
        var close = toks[i - 1];
        if (fn is null)
        {
            AddError(nameTok.Position, $"unknown function with name {GoFormat.Quote(name)}");
            fn = new PromQLFunction(name, [], -1, ExprType.Vector, true);
        }
        else if (!fn.SincePrometheus242)
        {
            features |= PromQLFeature.NewFunctions;
        }

        var call = new Call(fn, args) { Position = new PositionRange(nameTok.Start, close.End) };
        SetHeight(call, args);
        return call;
    }

    /// <summary>Parses comma-separated expressions up to and including ")"; the "(" is already consumed.</summary>
    private List<Expr> ParseArgs(string context)
    {
        if (Accept(TokenKind.RightParen)) { return []; }
        return ParseArgList(context);
    }

    /// <summary>
    /// Parses arguments through the closing ")". A syntax error inside one argument is recorded and the parser
    /// resumes at the next top-level "," or ")", so independent mistakes in several arguments are all reported.
    /// </summary>
    private List<Expr> ParseArgList(string context)
    {
        var args = new List<Expr>();
        var failed = false;
        while (true)
        {
            var argStart = i;
            var savedDepth = depth;
            try
            {
                args.Add(ParseExpr(0));
                var t = Peek();
                if (t.Kind == TokenKind.RightParen)
                {
                    i++;
                    break;
                }

                if (t.Kind != TokenKind.Comma)
                {
                    throw t.Kind == TokenKind.Eof ? Fail(t.Position, "unclosed left parenthesis") : Unexpected(t, context, "\",\" or \")\"");
                }

                i++;
                if (Peek().Kind == TokenKind.RightParen)
                {
                    throw Fail(t.Position, "trailing commas not allowed in function call args");
                }
            }
            catch (SyntaxError) when (!tooDeep)
            {
                // Resume from the argument's start so brackets opened inside it are balanced while skipping.
                failed = true;
                depth = savedDepth;
                var errorAt = i;
                i = argStart;
                if (!SkipToArgumentEnd(errorAt)) { throw; }
                if (toks[i - 1].Kind == TokenKind.RightParen) { break; }
            }
        }

        if (failed) { throw new SyntaxError(); }
        return args;
    }

    /// <summary>
    /// Skips to just after the argument's closing "," or ")" at nesting level 0, at or beyond <paramref name="errorAt"/>;
    /// false at the end of input or at a lexer error.
    /// </summary>
    private bool SkipToArgumentEnd(int errorAt)
    {
        var nesting = 0;
        while (true)
        {
            var t = Next();
            if (i <= errorAt && t.Kind is TokenKind.Comma or TokenKind.RightParen && nesting == 0)
            {
                // A separator before the error point cannot end the argument that failed.
                continue;
            }

            switch (t.Kind)
            {
                case TokenKind.Eof or TokenKind.Error:
                    return false;
                case TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace:
                    nesting++;
                    break;
                case TokenKind.RightBracket or TokenKind.RightBrace:
                    nesting--;
                    break;
                case TokenKind.RightParen:
                    if (nesting-- == 0) { return true; }
                    break;
                case TokenKind.Comma when nesting == 0:
                    return true;
            }
        }
    }

    private Expr ParseAggregation(Token opTok, string op)
    {
        i++;
        List<string>? grouping = null;
        var without = false;
        var g = Peek();
        if (g.Kind is TokenKind.By or TokenKind.Without)
        {
            i++;
            without = g.Kind == TokenKind.Without;
            grouping = ParseGroupingLabels();
        }

        var open = Peek();
        if (open.Kind != TokenKind.LeftParen) { throw Unexpected(open, "aggregation"); }
        i++;
        if (Peek().Kind == TokenKind.RightParen)
        {
            i++;
            AddError(new PositionRange(opTok.Start, toks[i - 1].End), "no arguments for aggregate expression provided");
            throw new SyntaxError();
        }

        var args = ParseArgsAggregation();
        var end = toks[i - 1].End;
        var after = Peek();
        if (after.Kind is TokenKind.By or TokenKind.Without)
        {
            if (grouping is not null) { throw Unexpected(after, string.Empty); }
            i++;
            without = after.Kind == TokenKind.Without;
            grouping = ParseGroupingLabels();
            end = toks[i - 1].End;
        }

        var pos = new PositionRange(opTok.Start, end);
        var desired = AggregateExpr.TakesParam(op) ? 2 : 1;
        if (args.Count != desired)
        {
            AddError(pos, $"wrong number of arguments for aggregate expression provided, expected {desired}, got {args.Count}");
            throw new SyntaxError();
        }

        var agg = new AggregateExpr(op, args[desired - 1], desired == 2 ? args[0] : null, grouping ?? [], without, grouping is not null) { Position = pos };
        SetHeight(agg, args);
        return agg;
    }

    private List<Expr> ParseArgsAggregation() => ParseArgList("aggregation");

    private static void SetHeight(Expr e, IReadOnlyList<Expr> children)
    {
        var h = 0;
        foreach (var c in children) { h = Math.Max(h, Height(c)); }
        e.Height = h + 1;
    }

    // ---- selectors --------------------------------------------------------------------------------------

    private VectorSelector ParseVectorSelector(Token? nameTok)
    {
        var start = nameTok?.Start ?? Peek().Start;
        var name = string.Empty;
        var matchers = new List<LabelMatcher>();
        var end = nameTok?.End ?? start;
        if (nameTok is { } nt)
        {
            i++;
            name = Text(nt);
        }

        if (Peek().Kind == TokenKind.LeftBrace)
        {
            i++;
            end = ParseMatchers(matchers, ref name);
        }
        else if (nameTok is null)
        {
            throw Unexpected(Peek(), "");
        }

        if (name.Length > 0)
        {
            matchers.Add(new LabelMatcher("__name__", MatchOp.Equal, name, nameTok?.Position ?? new PositionRange(start, end)));
        }

        return new VectorSelector(name, matchers) { Position = new PositionRange(start, end) };
    }

    /// <summary>Parses matchers after "{" through "}"; returns the end offset. A lone quoted string is the metric name (3.x).</summary>
    private int ParseMatchers(List<LabelMatcher> matchers, ref string name)
    {
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.RightBrace)
            {
                i++;
                return t.End;
            }

            string label;
            if (t.Kind == TokenKind.Identifier)
            {
                label = Text(t);
            }
            else if (t.Kind == TokenKind.String)
            {
                features |= PromQLFeature.Utf8Names;
                label = t.Value!;
                if (Peek(1).Kind is TokenKind.Comma or TokenKind.RightBrace)
                {
                    i++;
                    if (name.Length > 0) { AddError(t.Position, $"metric name must not be set twice: {GoFormat.Quote(name)} or {GoFormat.Quote(label)}"); }
                    name = label;
                    if (Peek().Kind == TokenKind.Comma) { i++; }
                    continue;
                }
            }
            else if (t.Kind == TokenKind.Error)
            {
                throw Fail(t.Position, t.Value!);
            }
            else
            {
                throw Unexpected(t, "label matching", "identifier or \"}\"");
            }

            i++;
            var opTok = Peek();
            MatchOp op;
            switch (opTok.Kind)
            {
                case TokenKind.Assign: op = MatchOp.Equal; break;
                case TokenKind.Neq: op = MatchOp.NotEqual; break;
                case TokenKind.EqlRegex: op = MatchOp.Regex; break;
                case TokenKind.NeqRegex: op = MatchOp.NotRegex; break;
                default: throw Unexpected(opTok, "label matching", "label matching operator");
            }

            i++;
            var v = Peek();
            if (v.Kind != TokenKind.String) { throw Unexpected(v, "label matching", "string"); }
            i++;
            var m = new LabelMatcher(label, op, v.Value!, new PositionRange(t.Start, v.End));
            if (op is MatchOp.Regex or MatchOp.NotRegex)
            {
                var (re, err) = RegexCache.Get(m.Value);
                if (err is not null) { AddError(m.Position, err); }
                m.Compiled = re;
            }

            matchers.Add(m);
            var sep = Peek();
            if (sep.Kind == TokenKind.Comma) { i++; }
            else if (sep.Kind != TokenKind.RightBrace)
            {
                throw Unexpected(sep, "label matching", "\",\" or \"}\"");
            }
        }
    }

    private Expr ParseRangeOrSubquery(Expr e)
    {
        var open = Next();
        var (rangeMs, rangeExpr) = ParseBracketDuration(open);
        var t = Peek();
        if (t.Kind == TokenKind.RightBracket)
        {
            i++;
            var pos = new PositionRange(open.Start, t.End);
            if (e is not VectorSelector vs)
            {
                AddError(pos, "ranges only allowed for vector selectors");
                return e;
            }

            if (vs.OffsetMs != 0 || vs.OffsetExpr is not null) { AddError(pos, "no offset modifiers allowed before range"); }
            else if (vs.At != AtKind.None) { AddError(pos, "no @ modifiers allowed before range"); }
            return new MatrixSelector(vs, rangeMs, rangeExpr) { Position = new PositionRange(e.Position.Start, t.End), Height = 2 };
        }

        if (t.Kind != TokenKind.Colon)
        {
            throw t.Kind == TokenKind.Eof ? Fail(t.Position, "unclosed left bracket") : Unexpected(t, "range", "\"]\" or \":\"");
        }

        i++;
        long stepMs = 0;
        DurationExpr? stepExpr = null;
        if (Peek().Kind != TokenKind.RightBracket)
        {
            (stepMs, stepExpr) = ParseBracketDuration(t);
        }

        var close = Peek();
        if (close.Kind != TokenKind.RightBracket)
        {
            throw close.Kind == TokenKind.Eof ? Fail(close.Position, "unclosed left bracket") : Unexpected(close, "subquery selector", "\"]\"");
        }

        i++;
        var sq = new SubqueryExpr(e, rangeMs, rangeExpr, stepMs, stepExpr) { Position = new PositionRange(e.Position.Start, close.End) };
        SetHeight(sq, [e]);
        return sq;
    }

    /// <summary>A duration inside brackets: a plain duration (2.42), or a duration expression (3.x).</summary>
    private (long Ms, DurationExpr? Expr) ParseBracketDuration(Token before)
    {
        var t = Peek();
        if (t.Kind == TokenKind.Duration && Peek(1).Kind is TokenKind.RightBracket or TokenKind.Colon)
        {
            i++;
            return (PositiveDuration(t), null);
        }

        if (t.Kind == TokenKind.Error) { throw Fail(t.Position, t.Value!); }
        if (t.Kind is TokenKind.RightBracket or TokenKind.Eof or TokenKind.Colon)
        {
            throw t.Kind == TokenKind.Eof ? Fail(t.Position, "unclosed left bracket") : Unexpected(t, "range", "duration");
        }

        features |= PromQLFeature.DurationExpressions;
        var d = ParseDurationExpr(0);
        return (ConstantMs(d), d);
    }

    private long ConstantMs(DurationExpr d)
    {
        var s = d.ConstantSeconds();
        if (s is null) { return 0; }
        if (double.IsNaN(s.Value) || double.IsInfinity(s.Value) || Math.Abs(s.Value) > long.MaxValue / 1000.0)
        {
            throw Fail(d.Position, "duration out of range");
        }

        return (long)Math.Round(s.Value * 1000);
    }

    private long PositiveDuration(Token t)
    {
        var ms = DurationText.Parse(input.AsSpan(t.Start, t.End - t.Start), out var err);
        if (err is not null) { AddError(t.Position, err); }
        else if (ms == 0) { AddError(t.Position, "duration must be greater than 0"); }
        return ms;
    }

    private void ParseOffset(Expr e, Token offsetTok)
    {
        long ms;
        DurationExpr? expr = null;
        var t = Peek();
        var t1 = Peek(1);
        if (t.Kind == TokenKind.Duration)
        {
            i++;
            ms = PositiveDuration(t);
        }
        else if (t.Kind == TokenKind.Sub && t1.Kind == TokenKind.Duration)
        {
            i += 2;
            ms = -PositiveDuration(t1);
        }
        else if (t.Kind is TokenKind.Number or TokenKind.LeftParen or TokenKind.Add or TokenKind.Sub || (t.Kind is TokenKind.Identifier or TokenKind.Start or TokenKind.End && t1.Kind == TokenKind.LeftParen))
        {
            features |= PromQLFeature.DurationExpressions;
            expr = ParseDurationUnaryOrAtom(offsetOperand: true);
            ms = ConstantMs(expr);
        }
        else
        {
            throw Unexpected(t, "offset", "duration");
        }

        var end = toks[i - 1].End;
        var target = e switch
        {
            VectorSelector v => (IModifiable)v,
            MatrixSelector m => m.VectorSelector,
            SubqueryExpr s => s,
            _ => null,
        };
        if (target is null)
        {
            AddError(e.Position, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
            return;
        }

        if (target.OffsetMs != 0 || target.OffsetExpr is not null)
        {
            AddError(new PositionRange(offsetTok.Start, end), "offset may not be set multiple times");
            return;
        }

        target.OffsetMs = ms;
        target.OffsetExpr = expr;
        e.Position = new PositionRange(e.Position.Start, end);
    }

    private void ParseAt(Expr e, Token atTok)
    {
        var t = Peek();
        AtKind kind;
        long ms = 0;
        if (t.Kind is TokenKind.Start or TokenKind.End)
        {
            i++;
            if (!Accept(TokenKind.LeftParen)) { throw Unexpected(Peek(), "@", "\"(\""); }
            if (!Accept(TokenKind.RightParen)) { throw Unexpected(Peek(), "@", "\")\""); }
            kind = t.Kind == TokenKind.Start ? AtKind.Start : AtKind.End;
        }
        else
        {
            var neg = false;
            if (t.Kind is TokenKind.Add or TokenKind.Sub)
            {
                i++;
                neg = t.Kind == TokenKind.Sub;
            }

            var n = Peek();
            double v;
            if (n.Kind == TokenKind.Duration)
            {
                // Prometheus 3.x: "@ 100s" is a timestamp written as a duration since the epoch.
                features |= PromQLFeature.DurationExpressions;
                v = DurationSeconds(n);
            }
            else if (n.Kind == TokenKind.Number)
            {
                v = ParseNumber(n);
            }
            else
            {
                throw Unexpected(n, "@", "timestamp");
            }

            i++;
            if (neg) { v = -v; }
            if (double.IsNaN(v) || double.IsInfinity(v) || v * 1000 >= long.MaxValue || v * 1000 <= long.MinValue)
            {
                var shown = double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString("F6", CultureInfo.InvariantCulture);
                AddError(e.Position, $"timestamp out of bounds for @ modifier: {shown}");
            }
            else
            {
                ms = (long)Math.Round(v * 1000, MidpointRounding.AwayFromZero);
            }

            kind = AtKind.Timestamp;
        }

        var end = toks[i - 1].End;
        var target = e switch
        {
            VectorSelector v => (IModifiable)v,
            MatrixSelector m => m.VectorSelector,
            SubqueryExpr s => s,
            _ => null,
        };
        if (target is null)
        {
            AddError(e.Position, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
            return;
        }

        if (target.At != AtKind.None)
        {
            AddError(new PositionRange(atTok.Start, end), "@ <timestamp> may not be set multiple times");
            return;
        }

        target.At = kind;
        target.AtMs = ms;
        e.Position = new PositionRange(e.Position.Start, end);
    }

    // ---- duration expressions (Prometheus 3.x) ----------------------------------------------------------

    private DurationExpr ParseDurationExpr(int minPrec)
    {
        Enter(Peek());
        var lhs = ParseDurationUnaryOrAtom(offsetOperand: false);
        while (true)
        {
            var op = BinaryOp(Peek().Kind);
            if (op is null || op.Value.Precedence() < 4 || op == Operator.Atan2 || op.Value.Precedence() < minPrec) { break; }
            i++;
            var prec = op.Value.Precedence();
            var rhs = ParseDurationExpr(op == Operator.Pow ? prec : prec + 1);
            lhs = new DurationExpr(DurationExprKind.Binary, lhs.Position.Merge(rhs.Position)) { Op = op.Value, Left = lhs, Right = rhs };
        }

        depth--;
        return lhs;
    }

    private DurationExpr ParseDurationUnaryOrAtom(bool offsetOperand)
    {
        var t = Peek();
        if (t.Kind is TokenKind.Add or TokenKind.Sub)
        {
            i++;
            var operand = offsetOperand ? ParseDurationUnaryOrAtom(true) : ParseDurationExpr(Operator.Pow.Precedence());
            return new DurationExpr(DurationExprKind.Unary, new PositionRange(t.Start, operand.Position.End))
            {
                Op = t.Kind == TokenKind.Sub ? Operator.Sub : Operator.Add, Left = operand,
            };
        }

        var atom = ParseDurationAtom();
        if (offsetOperand && Peek().Kind == TokenKind.Pow)
        {
            // offset 2 ^ 2: the power binds to the offset operand in Prometheus 3.x tests.
            i++;
            var rhs = ParseDurationUnaryOrAtom(true);
            return new DurationExpr(DurationExprKind.Binary, atom.Position.Merge(rhs.Position)) { Op = Operator.Pow, Left = atom, Right = rhs };
        }

        return atom;
    }

    private DurationExpr ParseDurationAtom()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Number:
                i++;
                return new DurationExpr(DurationExprKind.Literal, t.Position) { Seconds = ParseNumber(t) };
            case TokenKind.Duration:
                {
                    i++;
                    return new DurationExpr(DurationExprKind.Literal, t.Position) { Seconds = DurationSeconds(t), HasUnit = true };
                }

            case TokenKind.LeftParen:
                {
                    i++;
                    var inner = ParseDurationExpr(0);
                    var close = Peek();
                    if (close.Kind != TokenKind.RightParen) { throw Unexpected(close, "duration expression", "\")\""); }
                    i++;
                    return new DurationExpr(DurationExprKind.Paren, new PositionRange(t.Start, close.End)) { Left = inner };
                }

            case TokenKind.Identifier or TokenKind.Start or TokenKind.End when Peek(1).Kind == TokenKind.LeftParen:
                {
                    var name = Text(t).ToLowerInvariant();
                    i += 2;
                    if (name is "step" or "range")
                    {
                        var close = Peek();
                        if (close.Kind != TokenKind.RightParen) { throw Unexpected(close, "duration expression", "\")\""); }
                        i++;
                        return new DurationExpr(name == "step" ? DurationExprKind.Step : DurationExprKind.Range, new PositionRange(t.Start, close.End));
                    }

                    if (name is "min_of" or "max_of")
                    {
                        var a = ParseDurationExpr(0);
                        if (!Accept(TokenKind.Comma)) { throw Unexpected(Peek(), "duration expression", "\",\""); }
                        var b = ParseDurationExpr(0);
                        var close = Peek();
                        if (close.Kind != TokenKind.RightParen) { throw Unexpected(close, "duration expression", "\")\""); }
                        i++;
                        return new DurationExpr(name == "min_of" ? DurationExprKind.MinOf : DurationExprKind.MaxOf, new PositionRange(t.Start, close.End)) { Left = a, Right = b };
                    }

                    throw Unexpected(t, "duration expression");
                }
        }

        if (t.Kind == TokenKind.Error) { throw Fail(t.Position, t.Value!); }
        throw Unexpected(t, "duration expression", "duration");
    }
}
