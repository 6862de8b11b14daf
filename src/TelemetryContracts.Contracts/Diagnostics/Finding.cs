namespace TelemetryContracts.Diagnostics;

/// <summary>
/// One problem found by validation, generation, a live check or the lint: what is wrong (one
/// sentence naming the thing and the expectation), where, what was observed, and what to do next.
/// </summary>
public sealed record Finding(string Id, Severity Severity, string Message, FindingLocation Location, string Hint)
{
    /// <summary>What was observed: the query sent, the answer, the series count, the label values seen.
    /// Never contains a secret.</summary>
    public string? Evidence { get; init; }

    /// <summary>A copy with other evidence.</summary>
    public Finding WithEvidence(string? evidence) => this with { Evidence = evidence };

    /// <summary>A copy with another hint.</summary>
    public Finding WithHint(string hint) => this with { Hint = hint };

    /// <summary><c>file:line:column: severity TC0000: message</c>, the form compilers and editors understand.</summary>
    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
