// Run: dotnet run -c Release -- --filter "*" --job short --inProcess   (BenchmarkDotNet: ns/op, B/op)
//      dotnet run -c Release -- --median                 (median µs per corpus expression, expressions/s)
using BenchmarkDotNet.Running;
using TelemetryContracts.PromQL.Benchmarks;

if (args.Contains("--median"))
{
    MedianMeasurement.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
