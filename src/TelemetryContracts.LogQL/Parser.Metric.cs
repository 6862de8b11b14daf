using System.Globalization;
using TelemetryContracts.LogQL.Ast;
using TelemetryContracts.LogQL.Checks;

namespace TelemetryContracts.LogQL;

public sealed partial class Parser
{
    private static int Precedence(Token t) => t.Kind switch
    {
        TokenKind.Keyword when t.Value == "or" => 1,
        TokenKind.Keyword when t.Value is "and" or "unless" => 2,
        TokenKind.CmpEq or TokenKind.Neq or TokenKind.Gt or TokenKind.Gte or TokenKind.Lt or TokenKind.Lte => 3,
        TokenKind.Add or TokenKind.Sub => 4,
        TokenKind.Mul or TokenKind.Div or TokenKind.Mod => 5,
        TokenKind.Pow => 6,
        _ => 0,
    };

    private Expr ParseExpr(int minPrecedence)
    {
        Enter();
        var left = ParseUnary();
        while (true)
        {
            var opToken = Cur;
            var prec = Precedence(opToken);
            if (prec == 0 || prec < minPrecedence) break;
            Advance();
            var returnBool = false;
            if (Cur.IsKeyword("bool"))
            {
                Advance();
                returnBool = true;
            }
            VectorMatching? matching = null;
            if (Cur.IsKeyword("on") || Cur.IsKeyword("ignoring"))
            {
                var on = Advance().Value == "on";
                var labels = ParseLabelList();
                var card = VectorMatchCardinality.OneToOne;
                IReadOnlyList<string>? include = null;
                if (Cur.IsKeyword("group_left") || Cur.IsKeyword("group_right"))
                {
                    card = Advance().Value == "group_left" ? VectorMatchCardinality.ManyToOne : VectorMatchCardinality.OneToMany;
                    if (Cur.Kind == TokenKind.OpenParen)
                    {
                        var inc = ParseLabelList();
                        include = inc.Count == 0 ? null : inc;
                    }
                }
                matching = new VectorMatching(on, labels.Count == 0 ? null : labels, card, include);
            }
            var right = ParseExpr(opToken.Kind == TokenKind.Pow ? prec : prec + 1);
            left = MakeBinary(opToken, left, right, returnBool, matching);
        }
        Leave();
        return left;
    }

    private Expr MakeBinary(Token opToken, Expr left, Expr right, bool returnBool, VectorMatching? matching)
    {
        var op = opToken.Value;
        var range = left.Range.Union(right.Range);
        if (left is not SampleExpr l)
        {
            Invalid($"unexpected type for left leg of binary operation ({op}): {GoTypeName(left)}", left.Range);
            return right as SampleExpr ?? new LiteralExpr(range, 0);
        }
        if (right is not SampleExpr r)
        {
            Invalid($"unexpected type for right leg of binary operation ({op}): {GoTypeName(right)}", right.Range);
            return l;
        }
        var logical = op is "or" or "and" or "unless";
        if (logical && l is LiteralExpr ll)
        {
            Invalid($"unexpected literal for left leg of logical/set binary operation ({op}): {ll.Value.ToString("F6", CultureInfo.InvariantCulture)}", l.Range);
        }
        else if (logical && r is LiteralExpr rl)
        {
            Invalid($"unexpected literal for right leg of logical/set binary operation ({op}): {rl.Value.ToString("F6", CultureInfo.InvariantCulture)}", r.Range);
        }
        else if (l is LiteralExpr a && r is LiteralExpr b && double.IsFinite(Fold(op, a.Value, b.Value)))
        {
            // Loki folds scalar-scalar operations at parse time (reduceBinOp), so `1 + 1` prints as `2`.
            // NaN and Inf results stay unfolded: LogQL has no literal for them, so printing them would not parse.
            return new LiteralExpr(range, Fold(op, a.Value, b.Value));
        }
        return new BinaryExpr(range, op, l, r, returnBool, matching, opToken.Range);
    }

    private static double Fold(string op, double a, double b) => op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => b == 0 ? double.NaN : a / b,
        "%" => b == 0 ? double.NaN : a % b,
        "^" => Math.Pow(a, b),
        "==" => a == b ? 1 : 0,
        "!=" => a != b ? 1 : 0,
        ">" => a > b ? 1 : 0,
        ">=" => a >= b ? 1 : 0,
        "<" => a < b ? 1 : 0,
        "<=" => a <= b ? 1 : 0,
        _ => double.NaN,
    };

    private static string GoTypeName(Expr e) => e is LogSelectorExpr { Stages.Count: > 0 } ? "*syntax.PipelineExpr" : e is LogSelectorExpr ? "*syntax.MatchersExpr" : "*syntax." + e.GetType().Name;

    private Expr ParseUnary()
    {
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralExpr(t.Range, ParseFloatOrError(t, "literal"));
            case TokenKind.Add:
            case TokenKind.Sub:
            {
                Advance();
                var n = Cur;
                if (n.Kind != TokenKind.Number) Fail($"syntax error: unexpected {n.Display}, expecting NUMBER");
                Advance();
                var v = ParseFloatOrError(n, "literal");
                return new LiteralExpr(From(t.Range.Start), t.Kind == TokenKind.Sub ? -v : v);
            }
            case TokenKind.OpenBrace:
            {
                var log = ParseLogSelector();
                if (Cur.Kind == TokenKind.Range || (Cur.Kind == TokenKind.Pipe && PeekAt(1).IsKeyword("unwrap")))
                {
                    Fail($"syntax error: unexpected {Cur.Display}");
                }
                return log;
            }
            case TokenKind.OpenParen:
            {
                Advance();
                Enter();
                var inner = ParseExpr(0);
                Leave();
                Expect(TokenKind.CloseParen, ")");
                return inner;
            }
            case TokenKind.Keyword when VectorOps.Contains(t.Value):
                return ParseVectorAggregation();
            case TokenKind.Keyword when RangeOps.Contains(t.Value):
                return ParseRangeAggregation();
            case TokenKind.Keyword when t.Value == "label_replace":
                return ParseLabelReplace();
            case TokenKind.Keyword when t.Value == "vector":
            {
                Advance();
                Expect(TokenKind.OpenParen, "(");
                var n = Expect(TokenKind.Number, "NUMBER");
                Expect(TokenKind.CloseParen, ")");
                return new VectorExpr(From(t.Range.Start), ParseFloatOrError(n, "vectorExpr"));
            }
            default:
                Fail($"syntax error: unexpected {t.Display}");
                return null!;
        }
    }

    private List<string> ParseLabelList()
    {
        Expect(TokenKind.OpenParen, "(");
        var labels = new List<string>();
        if (Cur.Kind == TokenKind.CloseParen)
        {
            Advance();
            return labels;
        }
        while (true)
        {
            labels.Add(Expect(TokenKind.Identifier, "IDENTIFIER").Value);
            if (Cur.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            Expect(TokenKind.CloseParen, ") or ,");
            return labels;
        }
    }

    private Grouping? ParseOptionalGrouping()
    {
        if (!Cur.IsKeyword("by") && !Cur.IsKeyword("without")) return null;
        var start = Cur.Range.Start;
        var without = Advance().Value == "without";
        var labels = ParseLabelList();
        return new Grouping(From(start), without, labels);
    }

    private SampleExpr ParseVectorAggregation()
    {
        var opToken = Advance();
        var op = opToken.Value;
        Enter();
        var grouping = ParseOptionalGrouping();
        Expect(TokenKind.OpenParen, "(");
        Token? param = null;
        if (Cur.Kind == TokenKind.Number && PeekAt(1).Kind == TokenKind.Comma)
        {
            param = Advance();
            Advance();
        }
        var inner = ParseExpr(0);
        Expect(TokenKind.CloseParen, ")");
        if (grouping is null) grouping = ParseOptionalGrouping();
        else if (Cur.IsKeyword("by") || Cur.IsKeyword("without")) Fail($"syntax error: unexpected {Cur.Display}");
        Leave();
        var range = From(opToken.Range.Start);
        if (grouping is { Without: false, Labels.Count: 0 })
        {
            // Loki treats `sum by () (x)` exactly like `sum(x)` (a singleton grouping).
            grouping = null;
        }
        if (inner is not SampleExpr sample)
        {
            Invalid($"syntax error: unexpected log query inside {op}(): aggregate a range aggregation such as count_over_time(...[5m])", inner.Range);
            sample = new LiteralExpr(inner.Range, 0);
        }
        int? parameter = null;
        if (op is "topk" or "bottomk" or "approx_topk")
        {
            if (param is null)
            {
                Invalid($"parameter required for operation {op}", opToken.Range);
            }
            else if (!int.TryParse(param.Value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                Invalid($"invalid parameter {op}({param.Value.Value},", param.Value.Range);
            }
            else if (p <= 0)
            {
                Invalid($"invalid parameter (must be greater than 0) {op}({param.Value.Value}", param.Value.Range);
            }
            else
            {
                parameter = p;
            }
            if (op == "approx_topk" && grouping is not null)
            {
                Invalid($"grouping not allowed for {op} aggregation", grouping.Range);
            }
        }
        else if (param is not null)
        {
            Invalid($"unsupported parameter for operation {op}({param.Value.Value},", param.Value.Range);
        }
        return new VectorAggregationExpr(range, op, sample, grouping, parameter, opToken.Range);
    }

    private SampleExpr ParseRangeAggregation()
    {
        var opToken = Advance();
        var op = opToken.Value;
        Enter();
        Expect(TokenKind.OpenParen, "(");
        Token? param = null;
        if (Cur.Kind == TokenKind.Number && PeekAt(1).Kind == TokenKind.Comma)
        {
            param = Advance();
            Advance();
        }
        var logRange = ParseLogRange();
        Expect(TokenKind.CloseParen, ")");
        var grouping = ParseOptionalGrouping();
        Leave();
        var range = From(opToken.Range.Start);
        double? parameter = null;
        if (param is not null)
        {
            if (op != "quantile_over_time")
            {
                Invalid($"parameter {param.Value.Value} not supported for operation {op}", param.Value.Range);
            }
            else if (GoFormat.TryParseFloat(param.Value.Value, out var p))
            {
                parameter = p;
            }
            else
            {
                Invalid($"invalid parameter for operation {op}: strconv.ParseFloat: parsing {GoFormat.Quote(param.Value.Value)}: invalid syntax", param.Value.Range);
            }
        }
        else if (op == "quantile_over_time")
        {
            Invalid($"parameter required for operation {op}", opToken.Range);
        }
        if (grouping is not null && op is not ("avg_over_time" or "stddev_over_time" or "stdvar_over_time" or "quantile_over_time" or "max_over_time" or "min_over_time" or "first_over_time" or "last_over_time"))
        {
            Invalid($"grouping not allowed for {op} aggregation", grouping.Range);
        }
        if (logRange.Unwrap is not null)
        {
            if (op is "count_over_time" or "bytes_over_time" or "bytes_rate")
            {
                Invalid($"invalid aggregation {op} with unwrap", logRange.Unwrap.Range);
            }
        }
        else if (op is not ("bytes_over_time" or "bytes_rate" or "count_over_time" or "rate" or "absent_over_time"))
        {
            Invalid($"invalid aggregation {op} without unwrap", opToken.Range);
        }
        return new RangeAggregationExpr(range, op, logRange, parameter, grouping, opToken.Range);
    }

    private LogRangeExpr ParseLogRange()
    {
        var start = Cur.Range.Start;
        if (Cur.Kind == TokenKind.OpenParen)
        {
            Advance();
            Enter();
            if (Cur.Kind == TokenKind.OpenParen)
            {
                var nested = ParseLogRange();
                Expect(TokenKind.CloseParen, ")");
                Leave();
                return nested with { Range = From(start) };
            }
            if (Cur.Kind != TokenKind.OpenBrace) Fail($"syntax error: unexpected {Cur.Display}, expecting {{");
            var (selector, unwrap) = ParseSelectorPipelineUnwrap();
            if (Cur.Kind == TokenKind.Range)
            {
                var inner = FinishLogRange(start, selector, unwrap);
                Expect(TokenKind.CloseParen, ")");
                Leave();
                return inner with { Range = From(start) };
            }
            Expect(TokenKind.CloseParen, ")");
            Leave();
            if (Cur.Kind != TokenKind.Range) Fail($"syntax error: unexpected {Cur.Display}, expecting RANGE");
            var rangeToken = Advance();
            var offset = ParseOptionalOffset();
            if (unwrap is null && selector.Stages.Count == 0 && Cur.Kind == TokenKind.Pipe && PeekAt(1).IsKeyword("unwrap"))
            {
                // ( selector ) RANGE [offset] | unwrap x
                unwrap = ParseUnwrap();
            }
            return new LogRangeExpr(From(start), selector, unwrap, rangeToken.Nanoseconds, offset, rangeToken.Range);
        }
        if (Cur.Kind != TokenKind.OpenBrace) Fail($"syntax error: unexpected {Cur.Display}");
        var (sel, unw) = ParseSelectorPipelineUnwrap();
        return FinishLogRange(start, sel, unw);
    }

    private LogRangeExpr FinishLogRange(int start, LogSelectorExpr selector, UnwrapExpr? unwrap)
    {
        if (Cur.Kind != TokenKind.Range) Fail($"syntax error: unexpected {Cur.Display}");
        var rangeToken = Advance();
        var offset = ParseOptionalOffset();
        if (selector.Stages.Count == 0 && unwrap is null)
        {
            // Loki also accepts the pipeline after the range: {app="a"}[5m] | json | unwrap x
            var stages = ParsePipeline();
            if (stages.Count > 0)
            {
                selector = selector with { Stages = stages, Range = selector.Range.Union(stages[^1].Range) };
            }
            if (Cur.Kind == TokenKind.Pipe && PeekAt(1).IsKeyword("unwrap"))
            {
                unwrap = ParseUnwrap();
            }
        }
        return new LogRangeExpr(From(start), selector, unwrap, rangeToken.Nanoseconds, offset, rangeToken.Range);
    }

    private long ParseOptionalOffset()
    {
        if (!Cur.IsKeyword("offset")) return 0;
        Advance();
        return Expect(TokenKind.Duration, "DURATION").Nanoseconds;
    }

    private (LogSelectorExpr Selector, UnwrapExpr? Unwrap) ParseSelectorPipelineUnwrap()
    {
        var selector = ParseLogSelector();
        UnwrapExpr? unwrap = null;
        if (Cur.Kind == TokenKind.Pipe && PeekAt(1).IsKeyword("unwrap"))
        {
            unwrap = ParseUnwrap();
        }
        return (selector, unwrap);
    }

    private UnwrapExpr ParseUnwrap()
    {
        var start = Advance().Range.Start;
        ExpectKeyword("unwrap");
        var conversion = UnwrapConversion.None;
        Token label;
        if (Cur.Kind == TokenKind.Keyword && Cur.Value is "bytes" or "duration" or "duration_seconds")
        {
            conversion = Advance().Value switch
            {
                "bytes" => UnwrapConversion.Bytes,
                "duration" => UnwrapConversion.Duration,
                _ => UnwrapConversion.DurationSeconds,
            };
            Expect(TokenKind.OpenParen, "(");
            label = Expect(TokenKind.Identifier, "IDENTIFIER");
            Expect(TokenKind.CloseParen, ")");
        }
        else
        {
            label = Expect(TokenKind.Identifier, "IDENTIFIER");
        }
        var filters = new List<LabelFilter>();
        while (Cur.Kind == TokenKind.Pipe && PeekAt(1).Kind is TokenKind.Identifier or TokenKind.OpenParen)
        {
            Advance();
            filters.Add(ParseLabelFilterExpr());
        }
        return new UnwrapExpr(From(start), label.Value, conversion, filters, label.Range);
    }

    private SampleExpr ParseLabelReplace()
    {
        var start = Advance().Range.Start;
        Enter();
        Expect(TokenKind.OpenParen, "(");
        var inner = ParseExpr(0);
        var args = new Token[4];
        for (var i = 0; i < 4; i++)
        {
            Expect(TokenKind.Comma, ",");
            args[i] = Expect(TokenKind.String, "STRING");
        }
        Expect(TokenKind.CloseParen, ")");
        Leave();
        var range = From(start);
        if (inner is not SampleExpr sample)
        {
            Invalid("syntax error: label_replace needs a metric expression as its first argument", inner.Range);
            sample = new LiteralExpr(inner.Range, 0);
        }
        var regexError = Re2Check.Validate("^(?:" + args[3].Value + ")$");
        if (regexError is not null)
        {
            Invalid("invalid regex in label_replace: " + regexError, args[3].Range);
        }
        return new LabelReplaceExpr(range, sample, args[0].Value, args[1].Value, args[2].Value, args[3].Value);
    }

    private void ValidateSelectors(Expr? expr)
    {
        if (expr is null) return;
        foreach (var selector in expr.DescendantsAndSelf().OfType<StreamSelector>())
        {
            var positive = selector.Matchers.Any(m => m.Operator switch
            {
                MatchOperator.Equal => m.Value.Length > 0,
                MatchOperator.Regex => !Re2Check.MatchesEmpty(m.Value),
                _ => false,
            });
            if (!positive)
            {
                Invalid("queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will", selector.Range);
            }
        }
    }
}
