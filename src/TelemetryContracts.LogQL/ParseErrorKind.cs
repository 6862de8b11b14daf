namespace TelemetryContracts.LogQL;

/// <summary>The phase that found a <see cref="ParseError"/>.</summary>
public enum ParseErrorKind
{
    /// <summary>Malformed token: unterminated string, bad escape, bad range duration.</summary>
    Lexical,
    /// <summary>The token sequence does not match the grammar.</summary>
    Syntax,
    /// <summary>Well-formed but rejected by a static check Loki runs (bad regex, unwrap rules, selector without positive matcher...).</summary>
    Validation,
    /// <summary>Input too large or nested too deeply to parse safely.</summary>
    Limit,
}
