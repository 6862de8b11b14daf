namespace TelemetryContracts.LogQL;

/// <summary>One lexical token with its position.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Value">Identifier text, unquoted string, number text, keyword (lower case) or operator text.</param>
/// <param name="Range">Where the token is in the input.</param>
public readonly record struct Token(TokenKind Kind, string Value, PositionRange Range)
{
    /// <summary>Duration in nanoseconds for <see cref="TokenKind.Duration"/> and <see cref="TokenKind.Range"/>.</summary>
    public long Nanoseconds { get; init; }

    /// <summary>Size for <see cref="TokenKind.Bytes"/>.</summary>
    public ulong ByteCount { get; init; }

    /// <summary>True when this is the keyword <paramref name="keyword"/>.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Keyword && Value == keyword;

    /// <summary>How yacc names the token in "unexpected X" messages (Loki replaces terminal names by their text).</summary>
    public string Display => Kind switch
    {
        TokenKind.EndOfInput => "$end",
        TokenKind.Identifier => "IDENTIFIER",
        TokenKind.String => "STRING",
        TokenKind.Number => "NUMBER",
        TokenKind.Duration => "DURATION",
        TokenKind.Bytes => "BYTES",
        TokenKind.Range => "RANGE",
        TokenKind.Flag => "FUNCTION_FLAG",
        _ => Value,
    };
}
