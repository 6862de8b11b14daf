namespace TelemetryContracts.PromQL.Ast;

/// <summary>A node that can carry <c>offset</c> and <c>@</c> modifiers (vector selectors and subqueries).</summary>
public interface IModifiable
{
    /// <summary>The offset in milliseconds as written (negative for <c>offset -5m</c>); 0 when absent.</summary>
    long OffsetMs { get; set; }

    /// <summary>An offset written as a duration expression (newer syntax); null for a plain duration.</summary>
    DurationExpr? OffsetExpr { get; set; }

    /// <summary>The <c>@</c> form.</summary>
    AtKind At { get; set; }

    /// <summary>The <c>@</c> timestamp in milliseconds when <see cref="At"/> is <see cref="AtKind.Timestamp"/>.</summary>
    long AtMs { get; set; }
}
