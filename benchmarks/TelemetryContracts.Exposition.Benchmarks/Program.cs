using BenchmarkDotNet.Running;

namespace TelemetryContracts.Exposition.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher, so <c>--filter</c> picks benchmarks.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
