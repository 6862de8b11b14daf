namespace TelemetryContracts.LogQL;

/// <summary>Kinds of LogQL tokens, named after Loki's grammar terminals.</summary>
public enum TokenKind
{
    /// <summary>End of input (yacc's <c>$end</c>).</summary>
    EndOfInput,
    /// <summary>A character sequence the lexer could not turn into a token; the lexer also reports an error.</summary>
    Invalid,
    Identifier,
    /// <summary>A quoted string; <see cref="Token.Value"/> holds the unquoted value.</summary>
    String,
    Number,
    /// <summary>A duration such as <c>5m</c> or <c>1h30m</c> outside brackets.</summary>
    Duration,
    /// <summary>A byte size such as <c>20KB</c>.</summary>
    Bytes,
    /// <summary>A bracketed range such as <c>[5m]</c>.</summary>
    Range,
    /// <summary>A parser flag: <c>--strict</c> or <c>--keep-empty</c>.</summary>
    Flag,
    /// <summary>A keyword or function name; <see cref="Token.Value"/> holds it in lower case.</summary>
    Keyword,
    Comma,
    Dot,
    OpenBrace,
    CloseBrace,
    OpenParen,
    CloseParen,
    Eq,
    Neq,
    Re,
    Nre,
    Npa,
    PipeExact,
    PipeMatch,
    PipePattern,
    Pipe,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    CmpEq,
    Gt,
    Gte,
    Lt,
    Lte,
}
