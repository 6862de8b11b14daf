using System.Globalization;
using System.Text;
using TelemetryContracts.LogQL.Checks;

namespace TelemetryContracts.LogQL;

/// <summary>
/// Splits LogQL into tokens the way Loki's lexer does (pkg/logql/syntax/lex.go over Go's text/scanner):
/// keywords are case-insensitive; function names (rate, sum, bytes...) are keywords only when a parenthesis
/// (or <c>by (</c>/<c>without (</c>) follows, otherwise identifiers; a number glued to duration or size units
/// becomes a duration or bytes token; <c>[...]</c> is one range token; <c>#</c> starts a comment.
/// Errors are collected, never thrown.
/// </summary>
public static class Lexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "bool", "label_replace", "offset", "on", "ignoring", "group_left", "group_right",
        "or", "and", "unless", "json", "regexp", "logfmt", "unpack", "pattern", "label_format", "line_format",
        "ip", "decolorize", "drop", "keep", "unwrap", "distinct",
    };

    private static readonly HashSet<string> FunctionKeywords = new(StringComparer.Ordinal)
    {
        "rate", "rate_counter", "count_over_time", "bytes_rate", "bytes_over_time", "avg_over_time", "sum_over_time",
        "min_over_time", "max_over_time", "stdvar_over_time", "stddev_over_time", "quantile_over_time", "first_over_time",
        "last_over_time", "absent_over_time", "vector", "sum", "avg", "max", "min", "count", "stddev", "stdvar",
        "bottomk", "topk", "sort", "sort_desc", "approx_topk", "label_replace", "bytes", "duration", "duration_seconds", "ip",
    };

    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="TokenKind.EndOfInput"/>.</summary>
    public static IReadOnlyList<Token> Tokenize(string text, List<ParseError> errors)
    {
        var tokens = new List<Token>();
        var pos = 0;
        while (true)
        {
            pos = SkipSpaceAndComments(text, pos);
            if (pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.EndOfInput, "", new PositionRange(text.Length, text.Length)));
                return tokens;
            }
            var token = Next(text, ref pos, errors);
            tokens.Add(token);
        }
    }

    private static int SkipSpaceAndComments(string text, int pos)
    {
        while (pos < text.Length)
        {
            if (char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
            else if (text[pos] == '#')
            {
                while (pos < text.Length && text[pos] != '\n') pos++;
            }
            else
            {
                break;
            }
        }
        return pos;
    }

    private static Token Next(string text, ref int pos, List<ParseError> errors)
    {
        var start = pos;
        var c = text[pos];
        if (char.IsLetter(c) || c == '_')
        {
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_')) pos++;
            var word = text[start..pos];
            var lower = word.ToLowerInvariant();
            var range = new PositionRange(start, pos);
            if (FunctionKeywords.Contains(lower))
            {
                return IsFunctionCall(text, pos) ? new Token(TokenKind.Keyword, lower, range) : new Token(TokenKind.Identifier, word, range);
            }
            return Keywords.Contains(lower) ? new Token(TokenKind.Keyword, lower, range) : new Token(TokenKind.Identifier, word, range);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
        {
            return Number(text, ref pos);
        }
        switch (c)
        {
            case '"':
            case '`':
                return QuotedString(text, ref pos, errors);
            case '\'':
                pos = SkipQuoted(text, pos, '\'');
                errors.Add(new ParseError("single-quoted strings are not LogQL: use double quotes or backticks", new PositionRange(start, pos), ParseErrorKind.Lexical));
                return new Token(TokenKind.Invalid, text[start..pos], new PositionRange(start, pos));
            case '[':
                return RangeToken(text, ref pos, errors);
            case '-':
                if (pos + 1 < text.Length && text[pos + 1] == '-')
                {
                    var end = pos + 1;
                    while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '-')) end++;
                    var flag = text[pos..end];
                    if (flag is "--strict" or "--keep-empty")
                    {
                        pos = end;
                        return new Token(TokenKind.Flag, flag, new PositionRange(start, end));
                    }
                }
                pos++;
                if (TryDurationSuffix(text, "-", ref pos, out var negative))
                {
                    return new Token(TokenKind.Duration, text[start..pos], new PositionRange(start, pos)) { Nanoseconds = negative };
                }
                return new Token(TokenKind.Sub, "-", new PositionRange(start, pos));
        }
        var two = pos + 1 < text.Length ? text.Substring(pos, 2) : "";
        var twoKind = two switch
        {
            "!=" => TokenKind.Neq,
            "=~" => TokenKind.Re,
            "!~" => TokenKind.Nre,
            "!>" => TokenKind.Npa,
            "|=" => TokenKind.PipeExact,
            "|~" => TokenKind.PipeMatch,
            "|>" => TokenKind.PipePattern,
            "==" => TokenKind.CmpEq,
            ">=" => TokenKind.Gte,
            "<=" => TokenKind.Lte,
            _ => TokenKind.Invalid,
        };
        if (twoKind != TokenKind.Invalid)
        {
            pos += 2;
            return new Token(twoKind, two, new PositionRange(start, pos));
        }
        var oneKind = c switch
        {
            ',' => TokenKind.Comma,
            '.' => TokenKind.Dot,
            '{' => TokenKind.OpenBrace,
            '}' => TokenKind.CloseBrace,
            '(' => TokenKind.OpenParen,
            ')' => TokenKind.CloseParen,
            '=' => TokenKind.Eq,
            '|' => TokenKind.Pipe,
            '+' => TokenKind.Add,
            '*' => TokenKind.Mul,
            '/' => TokenKind.Div,
            '%' => TokenKind.Mod,
            '^' => TokenKind.Pow,
            '>' => TokenKind.Gt,
            '<' => TokenKind.Lt,
            _ => TokenKind.Invalid,
        };
        pos += char.IsSurrogatePair(text, pos) ? 2 : 1;
        if (oneKind == TokenKind.Invalid)
        {
            errors.Add(new ParseError($"unexpected character {GoFormat.Quote(text[start..pos])}", new PositionRange(start, pos), ParseErrorKind.Lexical));
        }
        return new Token(oneKind, text[start..pos], new PositionRange(start, pos));
    }

    /// <summary>Loki's isFunction: the next non-space text is "(" or "by (" / "without (".</summary>
    private static bool IsFunctionCall(string text, int pos)
    {
        pos = SkipSpace(text, pos);
        if (pos < text.Length && text[pos] == '(') return true;
        foreach (var word in (ReadOnlySpan<string>)["by", "without"])
        {
            if (pos + word.Length <= text.Length && string.Compare(text, pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var after = SkipSpace(text, pos + word.Length);
                return after < text.Length && text[after] == '(';
            }
        }
        return false;
    }

    private static int SkipSpace(string text, int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        return pos;
    }

    private static Token Number(string text, ref int pos)
    {
        var start = pos;
        // Go's scanner: prefixes 0x/0b/0o, digits with underscores, fraction, exponent (p for hex).
        if (text[pos] == '0' && pos + 1 < text.Length && "xXbBoO".Contains(text[pos + 1]))
        {
            var hex = text[pos + 1] is 'x' or 'X';
            pos += 2;
            while (pos < text.Length && (char.IsAsciiHexDigit(text[pos]) || text[pos] == '_' || (hex && text[pos] == '.'))) pos++;
            if (hex && pos < text.Length && text[pos] is 'p' or 'P')
            {
                pos++;
                if (pos < text.Length && text[pos] is '+' or '-') pos++;
                while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
            }
        }
        else
        {
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_')) pos++;
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_')) pos++;
            }
            if (pos < text.Length && text[pos] is 'e' or 'E')
            {
                var save = pos;
                pos++;
                if (pos < text.Length && text[pos] is '+' or '-') pos++;
                if (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
                }
                else
                {
                    pos = save;
                }
            }
        }
        var number = text[start..pos];
        if (TryDurationSuffix(text, number, ref pos, out var ns))
        {
            return new Token(TokenKind.Duration, text[start..pos], new PositionRange(start, pos)) { Nanoseconds = ns };
        }
        if (TryBytesSuffix(text, number, ref pos, out var bytes))
        {
            return new Token(TokenKind.Bytes, text[start..pos], new PositionRange(start, pos)) { ByteCount = bytes };
        }
        return new Token(TokenKind.Number, number, new PositionRange(start, pos));
    }

    private static bool IsDurationRune(char c) => c is 'n' or 'u' or 'µ' or 'm' or 's' or 'h' or 'd' or 'w' or 'y';

    private static bool IsBytesRune(char c) => c is 'B' or 'i' or 'k' or 'K' or 'M' or 'G' or 'T' or 'P';

    private static bool TryDurationSuffix(string text, string prefix, ref int pos, out long ns)
    {
        ns = 0;
        var end = pos;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && (char.IsDigit(text[end]) || IsDurationRune(text[end]) || text[end] == '.')) end++;
        if (end == pos) return false;
        if (!GoDuration.TryParseLoki(prefix + text[pos..end], out ns)) return false;
        pos = end;
        return true;
    }

    private static bool TryBytesSuffix(string text, string prefix, ref int pos, out ulong bytes)
    {
        bytes = 0;
        var end = pos;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && (char.IsDigit(text[end]) || IsBytesRune(text[end]) || text[end] == '.')) end++;
        if (end == pos) return false;
        if (!HumanizeBytes.TryParse(prefix + text[pos..end], out bytes)) return false;
        pos = end;
        return true;
    }

    private static int SkipQuoted(string text, int pos, char quote)
    {
        pos++;
        while (pos < text.Length && text[pos] != quote && text[pos] != '\n')
        {
            if (text[pos] == '\\' && quote != '`') pos++;
            pos++;
        }
        return Math.Min(pos + 1, text.Length);
    }

    private static Token QuotedString(string text, ref int pos, List<ParseError> errors)
    {
        var start = pos;
        var quote = text[pos];
        pos++;
        if (quote == '`')
        {
            var close = text.IndexOf('`', pos);
            if (close < 0)
            {
                pos = text.Length;
                errors.Add(new ParseError("literal not terminated", new PositionRange(start, pos), ParseErrorKind.Lexical));
                return new Token(TokenKind.Invalid, text[start..pos], new PositionRange(start, pos));
            }
            pos = close + 1;
            return new Token(TokenKind.String, text[(start + 1)..close].Replace("\r", ""), new PositionRange(start, pos));
        }
        var sb = new StringBuilder();
        string? error = null;
        while (true)
        {
            if (pos >= text.Length || text[pos] == '\n')
            {
                errors.Add(new ParseError("literal not terminated", new PositionRange(start, pos), ParseErrorKind.Lexical));
                return new Token(TokenKind.Invalid, text[start..pos], new PositionRange(start, pos));
            }
            var c = text[pos];
            if (c == '"')
            {
                pos++;
                break;
            }
            if (c != '\\')
            {
                sb.Append(c);
                pos++;
                continue;
            }
            var escStart = pos;
            pos++;
            if (pos >= text.Length) continue;
            var e = text[pos++];
            switch (e)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case 'x':
                case 'u':
                case 'U':
                {
                    var n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (pos + n <= text.Length && text.Substring(pos, n).All(char.IsAsciiHexDigit))
                    {
                        var value = int.Parse(text.AsSpan(pos, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        pos += n;
                        if (e == 'x') sb.Append((char)value);
                        else if (value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF) sb.Append(char.ConvertFromUtf32(value));
                        else error ??= "invalid syntax";
                    }
                    else
                    {
                        error ??= "invalid char escape";
                    }
                    break;
                }
                case >= '0' and <= '7':
                    if (pos + 2 <= text.Length && text[pos] is >= '0' and <= '7' && text[pos + 1] is >= '0' and <= '7')
                    {
                        var value = ((e - '0') * 64) + ((text[pos] - '0') * 8) + (text[pos + 1] - '0');
                        pos += 2;
                        if (value > 255) error ??= "invalid syntax";
                        else sb.Append((char)value);
                    }
                    else
                    {
                        error ??= "invalid char escape";
                    }
                    break;
                default:
                    // Go's scanner accepts \' but strconv.Unquote rejects it inside double quotes.
                    error ??= e == '\'' ? "invalid syntax" : "invalid char escape";
                    _ = escStart;
                    break;
            }
        }
        var range = new PositionRange(start, pos);
        if (error is not null)
        {
            errors.Add(new ParseError(error, range, ParseErrorKind.Lexical));
            return new Token(TokenKind.Invalid, text[start..pos], range);
        }
        return new Token(TokenKind.String, sb.ToString(), range);
    }

    private static Token RangeToken(string text, ref int pos, List<ParseError> errors)
    {
        var start = pos;
        var close = text.IndexOf(']', pos + 1);
        if (close < 0)
        {
            pos = text.Length;
            errors.Add(new ParseError("missing closing ']' in duration", new PositionRange(start, pos), ParseErrorKind.Lexical));
            return new Token(TokenKind.Invalid, text[start..pos], new PositionRange(start, pos));
        }
        pos = close + 1;
        var inner = text[(start + 1)..close];
        var range = new PositionRange(start, pos);
        if (!GoDuration.TryParsePrometheus(inner, out var ns))
        {
            errors.Add(new ParseError($"not a valid duration string: {GoFormat.Quote(inner)}", range, ParseErrorKind.Lexical));
            return new Token(TokenKind.Invalid, text[start..pos], range);
        }
        return new Token(TokenKind.Range, text[start..pos], range) { Nanoseconds = ns };
    }
}
