namespace TelemetryContracts.LogQL.Ast;

/// <summary>One stage of a log pipeline.</summary>
public abstract record PipelineStage(PositionRange Range) : Node(Range);
