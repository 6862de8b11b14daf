namespace TelemetryContracts.PromQL.Ast;

/// <summary>A string literal, unescaped.</summary>
public sealed class StringLiteral(string value) : Expr
{
    /// <summary>The unescaped value.</summary>
    public string Value { get; } = value;

    /// <inheritdoc />
    public override ExprType Type => ExprType.String;

    /// <inheritdoc />
    public override IEnumerable<Expr> Children => [];
}
