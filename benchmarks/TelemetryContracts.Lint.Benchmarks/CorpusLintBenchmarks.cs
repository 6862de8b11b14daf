using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TelemetryContracts.Contracts;
using TelemetryContracts.Dashboards;
using TelemetryContracts.Dashboards.Model;
using TelemetryContracts.Lint;
using TelemetryContracts.Lint.Index;

namespace TelemetryContracts.Lint.Benchmarks;

/// <summary>
/// Whole-corpus cost: reading every dashboard, and reading plus linting every dashboard against every contract
/// (the work of <c>telemetry-contracts lint corpus/dashboards --contracts contracts/</c> minus process start-up).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class CorpusLintBenchmarks
{
    private List<string> files = new();
    private List<Dashboard> dashboards = new();
    private DashboardLinter linter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        var shared = Environment.GetEnvironmentVariable("TC_SHARED") ?? Path.Combine(Path.GetDirectoryName(root)!, "shared");
        files = Directory.GetFiles(Path.Combine(shared, "corpus", "dashboards"), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        dashboards = files.Select(DashboardReader.ReadFile).ToList();
        var contracts = ContractLoader.ExpandPaths(new[] { Path.Combine(root, "contracts") }).Select(f => ContractLoader.LoadFile(f).Contract);
        linter = new DashboardLinter(new ContractIndex(contracts));
    }

    [Benchmark]
    public int ReadCorpus() => files.Sum(f => DashboardReader.ReadFile(f).Panels.Count);

    [Benchmark]
    public int LintParsedCorpus() => dashboards.Sum(d => linter.Lint(d).Findings.Count);

    [Benchmark]
    public int ReadAndLintCorpus() => linter.LintFiles(files).Findings.Count;

    /// <summary>Milliseconds of a whole-corpus lint with no rule (expand, parse), then with each rule alone.</summary>
    public IEnumerable<(string Name, long Ms)> ProfileRules()
    {
        var index = new ContractIndex(ContractLoader.ExpandPaths(new[] { Path.Combine(FindRoot(), "contracts") }).Select(f => ContractLoader.LoadFile(f).Contract));
        var runs = new List<(string, IEnumerable<ILintRule>)> { ("expand+parse", Array.Empty<ILintRule>()) };
        runs.AddRange(DashboardLinter.DefaultRules.Select(r => (r.GetType().Name, (IEnumerable<ILintRule>)new[] { r })));
        runs.Add(("UnknownMetricRule (suggestions cached)", new ILintRule[] { new Rules.UnknownMetricRule() }));
        foreach (var (name, rules) in runs)
        {
            var l = new DashboardLinter(index, rules: rules);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            foreach (var d in dashboards)
            {
                l.Lint(d);
            }

            yield return (name, sw.ElapsedMilliseconds);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private sealed class ShortInProcess : BenchmarkDotNet.Configs.ManualConfig
    {
        public ShortInProcess() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
