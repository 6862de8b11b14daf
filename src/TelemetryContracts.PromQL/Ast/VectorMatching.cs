namespace TelemetryContracts.PromQL.Ast;

/// <summary>The <c>on</c>/<c>ignoring</c> and <c>group_left</c>/<c>group_right</c> clause of a binary expression.</summary>
public sealed class VectorMatching
{
    /// <summary>The cardinality.</summary>
    public VectorMatchCardinality Card { get; set; }

    /// <summary>Labels listed in <c>on(...)</c> or <c>ignoring(...)</c>.</summary>
    public List<string> MatchingLabels { get; } = [];

    /// <summary>True for <c>on</c>, false for <c>ignoring</c> (or none).</summary>
    public bool On { get; set; }

    /// <summary>True when <c>on</c> or <c>ignoring</c> was written.</summary>
    public bool Explicit { get; set; }

    /// <summary>Labels listed in <c>group_left(...)</c>/<c>group_right(...)</c>.</summary>
    public List<string> Include { get; } = [];

    /// <summary>The <c>fill(v)</c> value for missing series on both sides (newer syntax).</summary>
    public double? FillLeft { get; set; }

    /// <summary>The fill value for missing right-hand series (newer syntax).</summary>
    public double? FillRight { get; set; }

    /// <summary>True when written as <c>fill(v)</c> rather than separate left/right fills.</summary>
    public bool FillBoth { get; set; }
}
