using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// A short job with 15 measured iterations and the memory diagnoser: ShortRun's 3 iterations left ratios of
// sub-nanosecond benchmarks (bound Inc vs Interlocked.Increment) swinging by 50% between runs.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithIterationCount(15))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.OperationsPerSecond)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
