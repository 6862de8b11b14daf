using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(TelemetryContracts.Generation.Benchmarks.GenerationBenchmarks).Assembly).Run(args);
