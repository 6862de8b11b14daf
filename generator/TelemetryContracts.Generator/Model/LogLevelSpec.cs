namespace TelemetryContracts.Generator.Model;

/// <summary>A level the contract allows: its spelling on the wire, the method name and the MEL level it maps to.</summary>
internal sealed record LogLevelSpec(string WireValue, string MethodName, string LogLevel);
