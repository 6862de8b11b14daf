using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TelemetryContracts.PromQL;

/// <summary>
/// Turns PromQL text into tokens the way Prometheus's lexer does: keywords are case-insensitive, words inside
/// braces are plain label names, <c>5m</c> is a duration, <c>#</c> starts a comment. Lexing stops at the first
/// bad character with an <see cref="TokenKind.Error"/> token carrying Prometheus's message.
/// </summary>
internal sealed class Lexer
{
    private static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>
    {
        ["and"] = TokenKind.And, ["or"] = TokenKind.Or, ["unless"] = TokenKind.Unless, ["atan2"] = TokenKind.Atan2,
        ["sum"] = TokenKind.Sum, ["avg"] = TokenKind.Avg, ["count"] = TokenKind.Count, ["min"] = TokenKind.Min,
        ["max"] = TokenKind.Max, ["group"] = TokenKind.Group, ["stddev"] = TokenKind.Stddev, ["stdvar"] = TokenKind.Stdvar,
        ["topk"] = TokenKind.Topk, ["bottomk"] = TokenKind.Bottomk, ["count_values"] = TokenKind.CountValues,
        ["quantile"] = TokenKind.Quantile, ["offset"] = TokenKind.Offset, ["by"] = TokenKind.By,
        ["without"] = TokenKind.Without, ["on"] = TokenKind.On, ["ignoring"] = TokenKind.Ignoring,
        ["group_left"] = TokenKind.GroupLeft, ["group_right"] = TokenKind.GroupRight, ["bool"] = TokenKind.Bool,
        ["start"] = TokenKind.Start, ["end"] = TokenKind.End, ["inf"] = TokenKind.Number, ["nan"] = TokenKind.Number,
    }.ToFrozenDictionary();

    private readonly string input;
    private readonly List<Token> tokens;
    private int pos;
    private bool braceOpen;
    private bool bracketOpen;
    private bool gotColon;
    private int parenDepth;

    private Lexer(string input)
    {
        this.input = input;
        tokens = new List<Token>(Math.Max(8, input.Length / 3));
    }

    /// <summary>Features of newer Prometheus seen while lexing (number underscores).</summary>
    public PromQLFeature Features { get; private set; }

    public static (List<Token> Tokens, PromQLFeature Features) Lex(string input)
    {
        var l = new Lexer(input);
        l.Run();
        return (l.tokens, l.Features);
    }

    private static bool IsAlpha(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAlphaNumeric(char c) => IsAlpha(c) || IsDigit(c);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

    private char Peek(int ahead = 0) => pos + ahead < input.Length ? input[pos + ahead] : '\0';

    private bool AtEnd => pos >= input.Length;

    private void Emit(TokenKind kind, int start, string? value = null) => tokens.Add(new Token(kind, start, pos, value));

    private void Error(int start, string message)
    {
        tokens.Add(new Token(TokenKind.Error, start, Math.Max(pos, start), message));
    }

    private void Run()
    {
        while (true)
        {
            while (!AtEnd && IsSpace(input[pos])) { pos++; }
            if (AtEnd)
            {
                if (braceOpen)
                {
                    Error(pos, "unexpected end of input inside braces");
                    return;
                }

                tokens.Add(new Token(TokenKind.Eof, pos, pos));
                return;
            }

            var start = pos;
            var c = input[pos];
            if (c == '#')
            {
                while (!AtEnd && input[pos] != '\n') { pos++; }
                continue;
            }

            if (braceOpen ? !LexInsideBraces(start, c) : !LexStatement(start, c)) { return; }
        }
    }

    private bool LexInsideBraces(int start, char c)
    {
        pos++;
        switch (c)
        {
            case ',': Emit(TokenKind.Comma, start); return true;
            case '"' or '\'': return LexString(start, c);
            case '`': return LexRawString(start);
            case '=':
                if (Peek() == '~') { pos++; Emit(TokenKind.EqlRegex, start); }
                else { Emit(TokenKind.Assign, start); }
                return true;
            case '!':
                var n = Peek();
                if (n == '~') { pos++; Emit(TokenKind.NeqRegex, start); return true; }
                if (n == '=') { pos++; Emit(TokenKind.Neq, start); return true; }
                Error(start, $"unexpected character after '!' inside braces: {GoRune(n)}");
                return false;
            case '{':
                Error(start, $"unexpected left brace '{{'");
                return false;
            case '}':
                braceOpen = false;
                Emit(TokenKind.RightBrace, start);
                return true;
        }

        if (IsAlpha(c))
        {
            while (!AtEnd && IsAlphaNumeric(input[pos])) { pos++; }
            Emit(TokenKind.Identifier, start);
            return true;
        }

        Error(start, $"unexpected character inside braces: {GoRune(c)}");
        return false;
    }

    private bool LexStatement(int start, char c)
    {
        if (IsDigit(c) || (c == '.' && IsDigit(Peek(1))))
        {
            return LexNumberOrDuration(start);
        }

        if (bracketOpen && c == ':')
        {
            // Inside [...] a colon separates range and step; Prometheus only starts identifiers with ':' outside.
            pos++;
            if (gotColon)
            {
                Error(start, "unexpected colon ':'");
                return false;
            }

            gotColon = true;
            Emit(TokenKind.Colon, start);
            return true;
        }

        if (bracketOpen && IsAlpha(c))
        {
            // Prometheus 2.42 allows no words in brackets; 3.x allows step(), range(), min_of(), max_of().
            while (!AtEnd && IsAlphaNumeric(input[pos])) { pos++; }
            Emit(TokenKind.Identifier, start);
            return true;
        }

        if (IsAlpha(c) || c == ':')
        {
            while (!AtEnd && (IsAlphaNumeric(input[pos]) || input[pos] == ':')) { pos++; }
            var word = input.AsSpan(start, pos - start);
            Span<char> lower = stackalloc char[Math.Min(word.Length, 32)];
            if (word.Length <= 32)
            {
                word.ToLowerInvariant(lower);
                var lookup = Keywords.GetAlternateLookup<ReadOnlySpan<char>>();
                if (lookup.TryGetValue(lower[..word.Length], out var kw))
                {
                    Emit(kw, start);
                    return true;
                }
            }

            Emit(word.Contains(':') ? TokenKind.MetricIdentifier : TokenKind.Identifier, start);
            return true;
        }

        pos++;
        switch (c)
        {
            case ',': Emit(TokenKind.Comma, start); return true;
            case '*': Emit(TokenKind.Mul, start); return true;
            case '/': Emit(TokenKind.Div, start); return true;
            case '%': Emit(TokenKind.Mod, start); return true;
            case '+': Emit(TokenKind.Add, start); return true;
            case '-': Emit(TokenKind.Sub, start); return true;
            case '^': Emit(TokenKind.Pow, start); return true;
            case '@': Emit(TokenKind.At, start); return true;
            case '(': parenDepth++; Emit(TokenKind.LeftParen, start); return true;
            case ')':
                if (--parenDepth < 0)
                {
                    Error(pos, "unexpected right parenthesis ')'");
                    return false;
                }

                Emit(TokenKind.RightParen, start);
                return true;
            case '[': bracketOpen = true; gotColon = false; Emit(TokenKind.LeftBracket, start); return true;
            case ']': bracketOpen = false; Emit(TokenKind.RightBracket, start); return true;
            case '{': braceOpen = true; Emit(TokenKind.LeftBrace, start); return true;
            case '}': Emit(TokenKind.RightBrace, start); return true;
            case '=':
                if (Peek() == '=') { pos++; Emit(TokenKind.EqlC, start); return true; }
                if (Peek() == '~')
                {
                    Error(start, "unexpected character after '=': '~'");
                    return false;
                }

                Emit(TokenKind.Assign, start);
                return true;
            case '!':
                if (Peek() == '=') { pos++; Emit(TokenKind.Neq, start); return true; }
                Error(start, $"unexpected character after '!': {GoRune(Peek())}");
                return false;
            case '<':
                if (Peek() == '=') { pos++; Emit(TokenKind.Lte, start); }
                else if (Peek() == '/') { pos++; Emit(TokenKind.TrimUpper, start); }
                else { Emit(TokenKind.Lss, start); }
                return true;
            case '>':
                if (Peek() == '=') { pos++; Emit(TokenKind.Gte, start); }
                else if (Peek() == '/') { pos++; Emit(TokenKind.TrimLower, start); }
                else { Emit(TokenKind.Gtr, start); }
                return true;
            case '"' or '\'': return LexString(start, c);
            case '`': return LexRawString(start);
        }

        Error(start, $"unexpected character: {GoRune(c)}");
        return false;
    }

    private bool LexNumberOrDuration(int start)
    {
        ScanNumberPart();
        if (AtEnd || !IsAlphaNumeric(input[pos]))
        {
            Emit(TokenKind.Number, start);
            return true;
        }

        // Like Prometheus: a unit must follow, then any number of (digits unit) pairs, then a non-alphanumeric.
        // Bad combinations such as 1.5h or 5hs still lex as durations and fail when the duration is parsed.
        if (AcceptRemainingDuration())
        {
            Emit(TokenKind.Duration, start);
            return true;
        }

        Error(start, bracketOpen ? $"bad duration syntax: {GoQuote(input[start..pos])}" : $"bad number or duration syntax: {GoQuote(input[start..pos])}");
        return false;
    }

    private bool AcceptRemainingDuration()
    {
        if (!AcceptOne("smhdwy")) { return false; }
        AcceptOne("s");
        while (!AtEnd && IsDigit(input[pos]))
        {
            while (!AtEnd && IsDigit(input[pos])) { pos++; }
            if (!AcceptOne("smhdw")) { return false; }
            AcceptOne("s");
        }

        if (AtEnd || !IsAlphaNumeric(input[pos])) { return true; }
        pos++;
        return false;
    }

    private bool AcceptOne(string chars)
    {
        if (!AtEnd && chars.Contains(input[pos]))
        {
            pos++;
            return true;
        }

        return false;
    }

    private void ScanNumberPart()
    {
        var hex = false;
        if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X'))
        {
            pos += 2;
            hex = true;
        }

        AcceptDigits(hex);
        if (Peek() == '.')
        {
            pos++;
            AcceptDigits(hex);
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            pos++;
            if (Peek() == '+' || Peek() == '-') { pos++; }
            AcceptDigits(false);
        }
    }

    private void AcceptDigits(bool hex)
    {
        while (!AtEnd)
        {
            var c = input[pos];
            if (IsDigit(c) || (hex && c is >= 'a' and <= 'f' or >= 'A' and <= 'F'))
            {
                pos++;
            }
            else if (c == '_' && pos + 1 < input.Length && (IsDigit(input[pos + 1]) || (hex && Uri.IsHexDigit(input[pos + 1]))) && pos > 0 && Uri.IsHexDigit(input[pos - 1]))
            {
                // Digit separators (Prometheus 3.x); 2.42 rejects them.
                Features |= PromQLFeature.NumberUnderscores;
                pos++;
            }
            else
            {
                break;
            }
        }
    }

    private bool LexString(int start, char quote)
    {
        // Go strings are byte sequences: \xNN and octal escapes add raw bytes, which may or may not form UTF-8.
        var bytes = new List<byte>(16);
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            if (AtEnd || input[pos] == '\n')
            {
                Error(start, "unterminated quoted string");
                return false;
            }

            var c = input[pos++];
            if (c == quote) { break; }
            if (c != '\\')
            {
                if (c < 0x80) { bytes.Add((byte)c); continue; }
                var len = char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(input[pos])
                    ? Encoding.UTF8.GetBytes([c, input[pos++]], utf8)
                    : Encoding.UTF8.GetBytes([c], utf8);
                for (var k = 0; k < len; k++) { bytes.Add(utf8[k]); }
                continue;
            }

            if (AtEnd)
            {
                Error(start, "escape sequence not terminated");
                return false;
            }

            var e = input[pos++];
            switch (e)
            {
                case 'a': bytes.Add(7); continue;
                case 'b': bytes.Add(8); continue;
                case 'f': bytes.Add(12); continue;
                case 'n': bytes.Add(10); continue;
                case 'r': bytes.Add(13); continue;
                case 't': bytes.Add(9); continue;
                case 'v': bytes.Add(11); continue;
                case '\\': bytes.Add((byte)'\\'); continue;
            }

            if (e == quote)
            {
                bytes.Add((byte)e);
                continue;
            }

            int n, radix;
            uint max;
            switch (e)
            {
                case >= '0' and <= '7': n = 3; radix = 8; max = 255; pos--; break;
                case 'x': n = 2; radix = 16; max = 255; break;
                case 'u': n = 4; radix = 16; max = 0x10FFFF; break;
                case 'U': n = 8; radix = 16; max = 0x10FFFF; break;
                default:
                    Error(pos - 2, $"unknown escape sequence {GoUnicode(e)}");
                    return false;
            }

            uint x = 0;
            for (var k = 0; k < n; k++)
            {
                if (AtEnd)
                {
                    Error(start, "escape sequence not terminated");
                    return false;
                }

                var d = input[pos];
                var v = d is >= '0' and <= '9' ? d - '0' : d is >= 'a' and <= 'f' ? d - 'a' + 10 : d is >= 'A' and <= 'F' ? d - 'A' + 10 : 99;
                if (v >= radix)
                {
                    Error(start, $"illegal character {GoUnicode(d)} in escape sequence");
                    return false;
                }

                x = (x * (uint)radix) + (uint)v;
                pos++;
            }

            if (x > max || (x >= 0xD800 && x < 0xE000))
            {
                Error(pos, "escape sequence is an invalid Unicode code point");
                return false;
            }

            if (radix == 8 || e == 'x')
            {
                bytes.Add((byte)x);
            }
            else
            {
                var len = Encoding.UTF8.GetBytes(char.ConvertFromUtf32((int)x), utf8);
                for (var k = 0; k < len; k++) { bytes.Add(utf8[k]); }
            }
        }

        Emit(TokenKind.String, start, GoBytes.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)));
        return true;
    }

    private bool LexRawString(int start)
    {
        var end = input.IndexOf('`', pos);
        if (end < 0)
        {
            pos = input.Length;
            Error(start, "unterminated raw string");
            return false;
        }

        var value = input[pos..end];
        pos = end + 1;
        Emit(TokenKind.String, start, value);
        return true;
    }

    internal static string GoQuote(string s) => GoFormat.Quote(s);

    private static string GoRune(char c) => c == '\0' ? "'\\x00'" : c == '\'' ? "'\\''" : $"'{c}'";

    private static string GoUnicode(char c) => $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} '{c}'";

}
