namespace TelemetryContracts.PromQL.Ast;

/// <summary>An instant vector selector <c>name{matchers} @ t offset d</c>.</summary>
public sealed class VectorSelector : Expr, IModifiable
{
    internal VectorSelector(string name, IReadOnlyList<LabelMatcher> matchers)
    {
        Name = name;
        Matchers = matchers;
    }

    /// <summary>The metric name written outside braces, or (for <c>{"name"}</c>) inside them; empty when none.</summary>
    public string Name { get; }

    /// <summary>All matchers; a name written outside braces is the last one (<c>__name__="name"</c>), as in Prometheus.</summary>
    public IReadOnlyList<LabelMatcher> Matchers { get; }

    /// <summary>The metric name this selector selects: <see cref="Name"/> or an equality <c>__name__</c> matcher; null for none.</summary>
    public string? MetricName => Name.Length > 0 ? Name : Matchers.FirstOrDefault(m => m.Name == "__name__" && m.Op == MatchOp.Equal)?.Value;

    /// <inheritdoc />
    public long OffsetMs { get; set; }

    /// <inheritdoc />
    public DurationExpr? OffsetExpr { get; set; }

    /// <inheritdoc />
    public AtKind At { get; set; }

    /// <inheritdoc />
    public long AtMs { get; set; }

    /// <summary>The <c>anchored</c> modifier (newer syntax).</summary>
    public bool Anchored { get; internal set; }

    /// <summary>The <c>smoothed</c> modifier (newer syntax).</summary>
    public bool Smoothed { get; internal set; }

    /// <inheritdoc />
    public override ExprType Type => ExprType.Vector;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [];
}
