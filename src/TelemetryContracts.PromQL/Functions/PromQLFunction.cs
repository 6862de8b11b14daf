namespace TelemetryContracts.PromQL;

/// <summary>
/// A PromQL function signature, as Prometheus's <c>parser.Function</c>: argument types, how many optional
/// trailing arguments it takes (<see cref="Variadic"/>: 0 none, n up to n more, -1 unbounded), and the result type.
/// </summary>
public sealed record PromQLFunction(string Name, IReadOnlyList<ExprType> ArgTypes, int Variadic, ExprType ReturnType, bool SincePrometheus242)
{
    /// <summary>Fewest arguments accepted.</summary>
    public int MinArgs => Variadic == 0 ? ArgTypes.Count : ArgTypes.Count - 1;

    /// <summary>Most arguments accepted; <see cref="int.MaxValue"/> when unbounded.</summary>
    public int MaxArgs => Variadic switch { 0 => ArgTypes.Count, < 0 => int.MaxValue, _ => ArgTypes.Count - 1 + Variadic };
}
