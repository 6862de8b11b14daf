namespace TelemetryContracts.PromQL.Ast;

/// <summary>
/// A PromQL expression node. Every node carries its <see cref="Position"/> in the source text;
/// <see cref="ToString"/> gives Prometheus's compact single-line form.
/// </summary>
public abstract class Expr
{
    /// <summary>Where the node is in the parsed text (Prometheus extends selectors over their offset and @ modifiers).</summary>
    public PositionRange Position { get; internal set; }

    /// <summary>Height of the subtree (1 for a leaf); the parser bounds it so recursive walks cannot overflow the stack.</summary>
    internal int Height { get; set; } = 1;

    /// <summary>The value type the expression evaluates to.</summary>
    public abstract ExprType Type { get; }

    /// <summary>Direct sub-expressions in source order.</summary>
    public abstract IEnumerable<Expr> Children { get; }

    /// <summary>Prometheus 2.42's <c>String()</c> form.</summary>
    public override string ToString() => Printer.Compact(this);
}
