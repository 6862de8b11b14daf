namespace TelemetryContracts.PromQL.Ast;

/// <summary>A function call.</summary>
public sealed class Call(PromQLFunction function, IReadOnlyList<Expr> args) : Expr
{
    /// <summary>The function.</summary>
    public PromQLFunction Function { get; } = function;

    /// <summary>The arguments.</summary>
    public IReadOnlyList<Expr> Args { get; } = args;

    /// <inheritdoc />
    public override ExprType Type => Function.ReturnType;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => Args;
}
