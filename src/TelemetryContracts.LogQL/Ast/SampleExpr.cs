namespace TelemetryContracts.LogQL.Ast;

/// <summary>An expression that yields samples (a metric query).</summary>
public abstract record SampleExpr(PositionRange Range) : Expr(Range);
