namespace TelemetryContracts.PromQL;

/// <summary>A located parse or type error; <see cref="ToString"/> reads like Prometheus's own message.</summary>
public sealed record ParseError(PositionRange Position, string Message)
{
    /// <summary>Renders <c>parse error at char N: message</c> with a 1-based character position.</summary>
    public override string ToString() => $"parse error at char {Position.Start + 1}: {Message}";

    /// <summary>Renders Prometheus 2.42's form <c>line:col: parse error: message</c> for <paramref name="input"/>.</summary>
    public string ToPrometheusString(string input)
    {
        var (line, col) = Position.LineColumn(input);
        return $"{line}:{col}: parse error: {Message}";
    }
}
