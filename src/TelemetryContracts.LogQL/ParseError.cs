namespace TelemetryContracts.LogQL;

/// <summary>A located LogQL error: syntax, lexical or a static check Loki performs before reading data.</summary>
/// <param name="Message">Loki-style message, e.g. <c>syntax error: unexpected $end, expecting } or ,</c>.</param>
/// <param name="Range">Where in the parsed text the error is.</param>
/// <param name="Kind">Which phase found it.</param>
public sealed record ParseError(string Message, PositionRange Range, ParseErrorKind Kind)
{
    /// <summary>1-based line of <see cref="PositionRange.Start"/> (filled by the parser).</summary>
    public int Line { get; init; } = 1;

    /// <summary>1-based column of <see cref="PositionRange.Start"/> (filled by the parser).</summary>
    public int Column { get; init; } = 1;

    /// <summary>The message as Loki prints it: <c>parse error at line 1, col 12: ...</c>.</summary>
    public override string ToString() => $"parse error at line {Line}, col {Column}: {Message}";

    /// <summary>The message exactly as Loki's HTTP API returns it: checks that Loki runs after parsing carry no
    /// position there (<c>parse error : ...</c>), syntax errors do.</summary>
    public string ToLokiString() => Kind == ParseErrorKind.Validation ? $"parse error : {Message}" : ToString();
}
