using TelemetryContracts.LogQL.Ast;
using TelemetryContracts.LogQL.Checks;

namespace TelemetryContracts.LogQL;

public sealed partial class Parser
{
    private LogSelectorExpr ParseLogSelector()
    {
        var selector = ParseSelector();
        var stages = ParsePipeline();
        var range = stages.Count == 0 ? selector.Range : selector.Range.Union(stages[^1].Range);
        return new LogSelectorExpr(range, selector, stages);
    }

    private StreamSelector ParseSelector()
    {
        var open = Expect(TokenKind.OpenBrace, "{");
        var matchers = new List<LabelMatcher>();
        if (Cur.Kind == TokenKind.CloseBrace)
        {
            Advance();
            return new StreamSelector(From(open.Range.Start), matchers);
        }
        while (true)
        {
            try
            {
                matchers.Add(ParseMatcher());
                if (Cur.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }
                Expect(TokenKind.CloseBrace, "} or ,");
                break;
            }
            catch (SyntaxAbort)
            {
                // Recover at the next matcher so that one typo does not hide the others.
                while (Cur.Kind is not (TokenKind.Comma or TokenKind.CloseBrace or TokenKind.EndOfInput or TokenKind.Pipe)) Advance();
                if (Cur.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }
                if (Cur.Kind == TokenKind.CloseBrace)
                {
                    Advance();
                    break;
                }
                throw;
            }
        }
        return new StreamSelector(From(open.Range.Start), matchers);
    }

    private LabelMatcher ParseMatcher()
    {
        var name = Expect(TokenKind.Identifier, "IDENTIFIER");
        var opToken = Cur;
        var op = opToken.Kind switch
        {
            TokenKind.Eq => MatchOperator.Equal,
            TokenKind.Neq => MatchOperator.NotEqual,
            TokenKind.Re => MatchOperator.Regex,
            TokenKind.Nre => MatchOperator.NotRegex,
            _ => (MatchOperator)(-1),
        };
        if ((int)op < 0) Fail($"syntax error: unexpected {opToken.Display}, expecting = or != or =~ or !~");
        Advance();
        var value = Expect(TokenKind.String, "STRING");
        var matcher = new LabelMatcher(From(name.Range.Start), name.Value, op, value.Value, name.Range, value.Range);
        CheckMatcherRegex(matcher);
        return matcher;
    }

    private void CheckMatcherRegex(LabelMatcher matcher)
    {
        if (!matcher.IsRegex) return;
        var error = Re2Check.Validate("^(?:" + matcher.Value + ")$");
        if (error is not null) Invalid(error, matcher.ValueRange);
    }

    private List<PipelineStage> ParsePipeline()
    {
        var stages = new List<PipelineStage>();
        while (IsLineFilterOp(Cur.Kind) || (Cur.Kind == TokenKind.Pipe && !PeekAt(1).IsKeyword("unwrap")))
        {
            var before = pos;
            try
            {
                ParseStage(stages);
            }
            catch (SyntaxAbort)
            {
                // Recover at the next stage; the error is already recorded.
                if (pos == before) Advance();
                while (!(IsLineFilterOp(Cur.Kind) || Cur.Kind is TokenKind.Pipe or TokenKind.EndOfInput or TokenKind.CloseParen or TokenKind.Range)) Advance();
                if (Cur.Kind is TokenKind.EndOfInput or TokenKind.CloseParen or TokenKind.Range) throw;
            }
        }
        return stages;
    }

    private void ParseStage(List<PipelineStage> stages)
    {
        if (IsLineFilterOp(Cur.Kind))
        {
            ParseLineFilter(stages);
            return;
        }
        var pipe = Advance();
        var start = pipe.Range.Start;
        var t = Cur;
        if (t.Kind == TokenKind.Identifier || t.Kind == TokenKind.OpenParen)
        {
            var filter = ParseLabelFilterExpr();
            stages.Add(new LabelFilterStage(From(start), filter));
            return;
        }
        if (t.Kind != TokenKind.Keyword) Fail($"syntax error: unexpected {t.Display}");
        switch (t.Value)
        {
            case "json":
            {
                Advance();
                var extractions = Cur.Kind == TokenKind.Identifier ? ParseExtractions() : [];
                foreach (var e in extractions)
                {
                    if (!JsonPathCheck.IsValid(e.Expression)) Invalid($"cannot parse expression [{e.Expression}]: syntax error", e.Range);
                }
                stages.Add(new JsonParserStage(From(start), extractions));
                return;
            }
            case "logfmt":
            {
                Advance();
                bool strict = false, keepEmpty = false;
                while (Cur.Kind == TokenKind.Flag)
                {
                    if (Advance().Value == "--strict") strict = true;
                    else keepEmpty = true;
                }
                var extractions = Cur.Kind == TokenKind.Identifier ? ParseExtractions() : [];
                stages.Add(new LogfmtParserStage(From(start), strict, keepEmpty, extractions));
                return;
            }
            case "regexp":
            {
                Advance();
                var s = Expect(TokenKind.String, "STRING");
                var error = Re2Check.Validate(s.Value);
                var names = error is null ? Re2Check.NamedGroups(s.Value) : null;
                if (error is not null) Invalid("invalid regexp parser: " + error, s.Range);
                else if (names is null || names.Count == 0) Invalid("invalid regexp parser: at least one named capture must be supplied", s.Range);
                else if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } dup) Invalid($"invalid regexp parser: duplicate extracted label name: {dup.Key}", s.Range);
                else if (HasDuplicateNamedGroup(s.Value) is { } dup2) Invalid($"invalid regexp parser: duplicate extracted label name: {dup2}", s.Range);
                stages.Add(new RegexpParserStage(From(start), s.Value));
                return;
            }
            case "pattern":
            {
                Advance();
                var s = Expect(TokenKind.String, "STRING");
                if (PatternCheck.ValidateParser(s.Value) is { } error) Invalid("invalid pattern parser: " + error, s.Range);
                stages.Add(new PatternParserStage(From(start), s.Value));
                return;
            }
            case "unpack":
                Advance();
                stages.Add(new UnpackParserStage(From(start)));
                return;
            case "line_format":
            {
                Advance();
                var s = Expect(TokenKind.String, "STRING");
                if (GoTemplateCheck.Validate(s.Value) is { } error) Invalid(error, s.Range);
                stages.Add(new LineFormatStage(From(start), s.Value));
                return;
            }
            case "label_format":
            {
                Advance();
                var items = new List<LabelFormatItem>();
                do
                {
                    if (items.Count > 0) Advance();
                    var name = Expect(TokenKind.Identifier, "IDENTIFIER");
                    Expect(TokenKind.Eq, "=");
                    var v = Cur;
                    if (v.Kind == TokenKind.Identifier)
                    {
                        Advance();
                        items.Add(new LabelFormatItem(From(name.Range.Start), name.Value, v.Value, true));
                    }
                    else
                    {
                        var s = Expect(TokenKind.String, "IDENTIFIER or STRING");
                        if (GoTemplateCheck.Validate(s.Value) is { } error) Invalid(error, s.Range);
                        items.Add(new LabelFormatItem(From(name.Range.Start), name.Value, s.Value, false));
                    }
                }
                while (Cur.Kind == TokenKind.Comma);
                var dupe = items.GroupBy(i => i.Label).FirstOrDefault(g => g.Count() > 1);
                if (dupe is not null) Invalid($"multiple label name '{dupe.Key}' not allowed in a single format operation", From(start));
                stages.Add(new LabelFormatStage(From(start), items));
                return;
            }
            case "decolorize":
                Advance();
                stages.Add(new DecolorizeStage(From(start)));
                return;
            case "drop":
            case "keep":
            {
                var keep = Advance().Value == "keep";
                var labels = new List<NamedLabelMatcher>();
                do
                {
                    if (labels.Count > 0) Advance();
                    if (Cur.Kind != TokenKind.Identifier) Fail($"syntax error: unexpected {Cur.Display}, expecting IDENTIFIER");
                    if (PeekAt(1).Kind is TokenKind.Eq or TokenKind.Neq or TokenKind.Re or TokenKind.Nre)
                    {
                        var m = ParseMatcher();
                        labels.Add(new NamedLabelMatcher(m.Range, m.Name, m));
                    }
                    else
                    {
                        var n = Advance();
                        labels.Add(new NamedLabelMatcher(n.Range, n.Value, null));
                    }
                }
                while (Cur.Kind == TokenKind.Comma);
                stages.Add(keep ? new KeepLabelsStage(From(start), labels) : new DropLabelsStage(From(start), labels));
                return;
            }
            case "distinct":
            {
                Advance();
                var labels = new List<string>();
                do
                {
                    if (labels.Count > 0) Advance();
                    labels.Add(Expect(TokenKind.Identifier, "IDENTIFIER").Value);
                }
                while (Cur.Kind == TokenKind.Comma);
                stages.Add(new DistinctStage(From(start), labels));
                return;
            }
            default:
                Fail($"syntax error: unexpected {t.Display}");
                return;
        }
    }

    private static string? HasDuplicateNamedGroup(string pattern)
    {
        // .NET merges equal group names; RE2 keeps both, and Loki refuses duplicates.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while ((i = pattern.IndexOf("(?P<", i, StringComparison.Ordinal)) >= 0)
        {
            var end = pattern.IndexOf('>', i + 4);
            if (end < 0) break;
            if (!seen.Add(pattern[(i + 4)..end])) return pattern[(i + 4)..end];
            i = end;
        }
        return null;
    }

    private List<LabelExtraction> ParseExtractions()
    {
        var list = new List<LabelExtraction>();
        do
        {
            if (list.Count > 0) Advance();
            var id = Expect(TokenKind.Identifier, "IDENTIFIER");
            if (Cur.Kind == TokenKind.Eq)
            {
                Advance();
                var s = Expect(TokenKind.String, "STRING");
                list.Add(new LabelExtraction(From(id.Range.Start), id.Value, s.Value, id.Range));
            }
            else
            {
                list.Add(new LabelExtraction(id.Range, id.Value, id.Value, id.Range));
            }
        }
        while (Cur.Kind == TokenKind.Comma);
        return list;
    }

    private void ParseLineFilter(List<PipelineStage> stages)
    {
        var opToken = Advance();
        var op = opToken.Kind switch
        {
            TokenKind.PipeExact => LineFilterOperator.Contains,
            TokenKind.Neq => LineFilterOperator.NotContains,
            TokenKind.PipeMatch => LineFilterOperator.Regex,
            TokenKind.Nre => LineFilterOperator.NotRegex,
            TokenKind.PipePattern => LineFilterOperator.Pattern,
            _ => LineFilterOperator.NotPattern,
        };
        var terms = new List<LineFilterTerm> { ParseLineFilterTerm(op) };
        while (Cur.IsKeyword("or") && (PeekAt(1).Kind == TokenKind.String || PeekAt(1).IsKeyword("ip")))
        {
            Advance();
            terms.Add(ParseLineFilterTerm(op));
        }
        if (terms.Any(t => t.IsIp) && op is not (LineFilterOperator.Contains or LineFilterOperator.NotContains))
        {
            Invalid("ip: invalid operation: only |= and != are supported with ip()", From(opToken.Range.Start));
        }
        if (op is LineFilterOperator.Contains or LineFilterOperator.Regex or LineFilterOperator.Pattern)
        {
            stages.Add(new LineFilterStage(From(opToken.Range.Start), op, terms));
            return;
        }
        // Loki rewrites `!= "a" or "b"` into `!= "a" != "b"` (not a or b == not a and not b).
        for (var i = 0; i < terms.Count; i++)
        {
            var range = i == 0 ? new PositionRange(opToken.Range.Start, terms[0].Range.End) : terms[i].Range;
            stages.Add(new LineFilterStage(range, op, [terms[i]]));
        }
    }

    private LineFilterTerm ParseLineFilterTerm(LineFilterOperator op)
    {
        var start = Cur.Range.Start;
        if (Cur.IsKeyword("ip"))
        {
            Advance();
            Expect(TokenKind.OpenParen, "(");
            var s = Expect(TokenKind.String, "STRING");
            Expect(TokenKind.CloseParen, ")");
            if (!IpCheckPasses(s.Value)) Invalid($"ip: invalid pattern: {s.Value}", s.Range);
            return new LineFilterTerm(From(start), s.Value, true);
        }
        var str = Expect(TokenKind.String, "STRING or ip");
        switch (op)
        {
            case LineFilterOperator.Regex:
            case LineFilterOperator.NotRegex:
                if (Re2Check.Validate(str.Value) is { } error) Invalid(error, str.Range);
                break;
            case LineFilterOperator.Pattern:
            case LineFilterOperator.NotPattern:
                if (PatternCheck.ValidateLineFilter(str.Value) is { } perror) Invalid(perror, str.Range);
                break;
        }
        return new LineFilterTerm(str.Range, str.Value, false);
    }

    private static bool IpCheckPasses(string pattern) => IpPatternCheck.IsValid(pattern);

    private LabelFilter ParseLabelFilterExpr()
    {
        Enter();
        var left = ParseLabelAnd();
        while (Cur.IsKeyword("or"))
        {
            Advance();
            var right = ParseLabelAnd();
            left = new BinaryLabelFilter(left.Range.Union(right.Range), left, right, false);
        }
        Leave();
        return left;
    }

    private LabelFilter ParseLabelAnd()
    {
        var left = ParseLabelPrimaryWithTail();
        while (Cur.IsKeyword("and"))
        {
            Advance();
            var right = ParseLabelPrimaryWithTail();
            left = new BinaryLabelFilter(left.Range.Union(right.Range), left, right, true);
        }
        return left;
    }

    private LabelFilter ParseLabelPrimaryWithTail()
    {
        // `a, rest` and `a rest` have no precedence in Loki's grammar, so yacc shifts: the comma (or mere
        // juxtaposition) joins `a` with everything that follows, whatever operators it contains.
        var primary = ParseLabelPrimary();
        if (Cur.Kind == TokenKind.Comma)
        {
            Advance();
            var rest = ParseLabelFilterExpr();
            return new BinaryLabelFilter(primary.Range.Union(rest.Range), primary, rest, true);
        }
        if (Cur.Kind is TokenKind.Identifier or TokenKind.OpenParen)
        {
            var rest = ParseLabelFilterExpr();
            return new BinaryLabelFilter(primary.Range.Union(rest.Range), primary, rest, true);
        }
        return primary;
    }

    private LabelFilter ParseLabelPrimary()
    {
        if (Cur.Kind == TokenKind.OpenParen)
        {
            Advance();
            var inner = ParseLabelFilterExpr();
            Expect(TokenKind.CloseParen, ")");
            return inner;
        }
        var name = Expect(TokenKind.Identifier, "IDENTIFIER");
        var opToken = Cur;
        ComparisonOperator cmp;
        switch (opToken.Kind)
        {
            case TokenKind.Eq:
            case TokenKind.Neq:
            case TokenKind.Re:
            case TokenKind.Nre:
            {
                var next = PeekAt(1);
                if (next.Kind == TokenKind.String)
                {
                    pos--;
                    var matcher = ParseMatcher();
                    return new StringLabelFilter(matcher.Range, matcher);
                }
                if (opToken.Kind is TokenKind.Re or TokenKind.Nre) Fail($"syntax error: unexpected {next.Display}, expecting STRING", next);
                if (next.IsKeyword("ip"))
                {
                    Advance();
                    Advance();
                    Expect(TokenKind.OpenParen, "(");
                    var s = Expect(TokenKind.String, "STRING");
                    Expect(TokenKind.CloseParen, ")");
                    if (!IpCheckPasses(s.Value)) Invalid($"ip: invalid pattern: {s.Value}", s.Range);
                    return new IpLabelFilter(From(name.Range.Start), name.Value, opToken.Kind == TokenKind.Neq, s.Value, name.Range, s.Range);
                }
                cmp = opToken.Kind == TokenKind.Eq ? ComparisonOperator.Equal : ComparisonOperator.NotEqual;
                break;
            }
            case TokenKind.CmpEq: cmp = ComparisonOperator.Equal; break;
            case TokenKind.Gt: cmp = ComparisonOperator.GreaterThan; break;
            case TokenKind.Gte: cmp = ComparisonOperator.GreaterThanOrEqual; break;
            case TokenKind.Lt: cmp = ComparisonOperator.LessThan; break;
            case TokenKind.Lte: cmp = ComparisonOperator.LessThanOrEqual; break;
            default:
                Fail($"syntax error: unexpected {opToken.Display}");
                return null!;
        }
        Advance();
        var value = Cur;
        switch (value.Kind)
        {
            case TokenKind.Duration:
                Advance();
                return new DurationLabelFilter(From(name.Range.Start), name.Value, cmp, value.Nanoseconds, name.Range);
            case TokenKind.Bytes:
                Advance();
                return new BytesLabelFilter(From(name.Range.Start), name.Value, cmp, value.ByteCount, name.Range);
            case TokenKind.Number:
                Advance();
                return new NumericLabelFilter(From(name.Range.Start), name.Value, cmp, ParseFloatOrError(value, "literal"), name.Range);
            case TokenKind.Add:
            case TokenKind.Sub:
            {
                Advance();
                var n = Expect(TokenKind.Number, "NUMBER");
                var v = ParseFloatOrError(n, "literal");
                return new NumericLabelFilter(From(name.Range.Start), name.Value, cmp, value.Kind == TokenKind.Sub ? -v : v, name.Range);
            }
            default:
                Fail($"syntax error: unexpected {value.Display}");
                return null!;
        }
    }
}
