using TelemetryContracts.Contracts;
using TelemetryContracts.Dashboards;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.Lint.Index;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Lint.Tests;

public class CorpusLintTests
{
    private static readonly Lazy<(LintResult Result, IReadOnlyList<string> Files)> Corpus = new(() =>
    {
        var contracts = new ContractIndex(RepoPaths.ContractFiles.Select(f => ContractLoader.LoadFile(f).Contract));
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "dashboards"), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        return (new DashboardLinter(contracts).LintFiles(files), files);
    });

    [Fact]
    public void WholeCorpus_EveryExpressionParsesOrHasALocatedError()
    {
        var (result, files) = Corpus.Value;
        var s = result.Statistics;

        Assert.Equal(files.Count, s.Dashboards);
        Assert.True(s.PromQL > 2000, $"PromQL expressions: {s.PromQL}");
        Assert.True(s.LogQL > 80, $"LogQL expressions: {s.LogQL}");
        var syntax = result.Findings.Where(f => f.Id is "TC6042" or "TC6043").ToList();
        Assert.Equal(s.PromQL - s.PromQLParsed + s.LogQL - s.LogQLParsed, syntax.Count);
        Assert.All(syntax, f =>
        {
            Assert.True(f.Location.Line > 0 && f.Location.Column > 0);
            Assert.Contains("^", f.Evidence, StringComparison.Ordinal);
        });
        // Expansion must not be the cause of parse errors: nearly everything parses.
        Assert.True(syntax.Count * 100 < s.PromQL + s.LogQL, $"{syntax.Count} syntax errors");
        Assert.DoesNotContain(result.Findings, f => f.Id == "TC6040");
    }

    [Fact]
    public void IncidentDashboards_ReportTheMismatchesTheReportsDescribe()
    {
        var findings = Corpus.Value.Result.Findings;
        IEnumerable<Finding> In(string file) => findings.Where(f => Path.GetFileName(f.Location.File) == file);

        // medianest: panels ask for a 'service' label the backend's series never carry, and job="medianest-app".
        Assert.Contains(In("medianest__api-performance.json"), f => f.Id == "TC6051" && f.Message.Contains("'service'", StringComparison.Ordinal));
        Assert.Contains(In("medianest__grafana-dashboards.json"), f => f.Id == "TC6052" && f.Message.Contains("'medianest-app'", StringComparison.Ordinal));
        // dark_tower: the dashboard is ahead of the deployed code (metrics no contract declares).
        Assert.True(In("dark_tower__mh-overview.json").Count(f => f.Id == "TC6050") >= 10);
        // scanium: datasource uids the provisioning does not create, and env "stage" where streams say "staging".
        Assert.Contains(In("scanium__pipeline-health.json"), f => f.Id == "TC6059" && f.Message.Contains("'MIMIR'", StringComparison.Ordinal));
        Assert.Contains(In("scanium__logs-explorer.json"), f => f.Id == "TC6057" && f.Message.Contains("env=\"stage\"", StringComparison.Ordinal));
        // rsky: job="rust-backfiller" where the contract's job is rsky-backfiller.
        Assert.Contains(In("rsky__example-prometheus-dashboard.json"), f => f.Id == "TC6052" && f.Message.Contains("did you mean 'rsky-backfiller'", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryFinding_HasFilePathAndHint()
    {
        Assert.All(Corpus.Value.Result.Findings, f =>
        {
            Assert.NotNull(f.Location.File);
            Assert.False(string.IsNullOrEmpty(f.Location.Path));
            Assert.NotEmpty(f.Hint);
            Assert.NotNull(RuleCatalog.Find(f.Id));
        });
    }
}
