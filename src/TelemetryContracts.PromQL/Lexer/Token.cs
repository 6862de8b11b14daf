namespace TelemetryContracts.PromQL;

/// <summary>One lexical item: kind, character range, and for strings the unescaped value (for errors the message).</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string? Value = null)
{
    public PositionRange Position => new(Start, End);

    public bool IsKeyword => Kind >= TokenKind.And;

    public bool IsAggregator => Kind is >= TokenKind.Sum and <= TokenKind.Quantile;
}
