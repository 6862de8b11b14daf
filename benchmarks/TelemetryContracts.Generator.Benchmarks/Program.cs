using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// All benchmarks in one run, in-process so the analyzer-built assembly is the one measured. 15 measured iterations:
// ShortRun's 3 left the ratio of sub-nanosecond benchmarks swinging by 50% between runs.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
