namespace TelemetryContracts.LogQL.Ast;

/// <summary>A complete LogQL expression: a log query (<see cref="LogSelectorExpr"/>) or a metric query (<see cref="SampleExpr"/>).</summary>
public abstract record Expr(PositionRange Range) : Node(Range);
