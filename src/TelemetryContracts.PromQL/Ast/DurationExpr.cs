namespace TelemetryContracts.PromQL.Ast;

/// <summary>
/// A duration written as an expression (newer Prometheus: <c>[5m+1m]</c>, <c>offset -step()*2</c>, <c>[10]</c>).
/// Plain durations are stored as milliseconds on the owning node and have no DurationExpr.
/// </summary>
public sealed class DurationExpr
{
    internal DurationExpr(DurationExprKind kind, PositionRange position)
    {
        Kind = kind;
        Position = position;
    }

    /// <summary>The kind.</summary>
    public DurationExprKind Kind { get; }

    /// <summary>Where it is.</summary>
    public PositionRange Position { get; internal set; }

    /// <summary>For literals: the value in seconds.</summary>
    public double Seconds { get; internal set; }

    /// <summary>For literals: true when written with units (<c>5m</c>), false for a plain number.</summary>
    public bool HasUnit { get; internal set; }

    /// <summary>For binary and unary kinds: the operator.</summary>
    public Operator Op { get; internal set; }

    /// <summary>Left/only operand.</summary>
    public DurationExpr? Left { get; internal set; }

    /// <summary>Right operand.</summary>
    public DurationExpr? Right { get; internal set; }

    /// <summary>The value in seconds when it does not depend on the query (no step()/range()); otherwise null.</summary>
    public double? ConstantSeconds()
    {
        switch (Kind)
        {
            case DurationExprKind.Literal: return Seconds;
            case DurationExprKind.Step:
            case DurationExprKind.Range: return null;
            case DurationExprKind.Paren: return Left!.ConstantSeconds();
            case DurationExprKind.Unary:
                var u = Left!.ConstantSeconds();
                return u is null ? null : Op == Operator.Sub ? -u : u;
            default:
                var l = Left!.ConstantSeconds();
                var r = Right!.ConstantSeconds();
                if (l is null || r is null) { return null; }
                return Kind switch
                {
                    DurationExprKind.MinOf => Math.Min(l.Value, r.Value),
                    DurationExprKind.MaxOf => Math.Max(l.Value, r.Value),
                    _ => Op switch
                    {
                        Operator.Add => l + r, Operator.Sub => l - r, Operator.Mul => l * r, Operator.Div => l / r,
                        Operator.Mod => l % r, _ => Math.Pow(l.Value, r.Value),
                    },
                };
        }
    }

    /// <inheritdoc />
    public override string ToString() => Printer.Duration(this);
}
