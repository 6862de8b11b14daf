using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>Every malformed contract reports exactly the findings its annotation names (rule ID at line:column), nothing else.</summary>
public sealed class InvalidContractCorpusTests
{
    public static TheoryData<string> Malformed => ContractCorpus.Names("invalid");

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedContract_ReportsExactlyTheAnnotatedFindings(string name)
    {
        var file = Path.Combine(ContractCorpus.Folder, "invalid", name);
        var expected = ContractCorpus.Annotation(file, "expect", ".expect").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var result = ContractLoader.LoadFile(file);
        var actual = result.Findings.Select(f => $"{f.Id}@{f.Location.Line}:{f.Location.Column}").OrderBy(s => s, StringComparer.Ordinal).ToList();

        Assert.True(expected.SequenceEqual(actual),
            $"expected [{string.Join(", ", expected)}] but got:\n{string.Join("\n", result.Findings)}");
        Assert.All(result.Findings, f => Assert.Equal(file, f.Location.File));
    }

    [Fact]
    public void Corpus_HoldsAtLeastFortyMalformedContracts()
    {
        Assert.True(ContractCorpus.Files("invalid").Count() >= 40);
    }

    [Fact]
    public void EveryContractRule_HasAFailingCaseInTheCorpus()
    {
        var covered = ContractCorpus.Files("invalid")
            .SelectMany(f => ContractCorpus.Annotation(f, "expect", ".expect"))
            .Select(a => a.Split('@')[0])
            .ToHashSet();

        // TC1039 (unreadable file) cannot live in a folder of readable files; UnreadableFile_IsReported covers it.
        var missing = RuleCatalog.All.Where(r => r.Category == "Contract" && r.Id != RuleCatalog.UnreadableFile.Id && !covered.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.True(missing.Count == 0, "rules without a failing case: " + string.Join(", ", missing));
    }

    [Fact]
    public void UnreadableFile_IsReportedAsTC1039()
    {
        var result = ContractLoader.LoadFile(ContractCorpus.Folder);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCatalog.UnreadableFile.Id, finding.Id);
        Assert.Equal(ContractCorpus.Folder, finding.Location.File);
    }

    [Fact]
    public void Findings_CarryTheRulesHintAndSeverity()
    {
        var result = ContractLoader.LoadFile(Path.Combine(ContractCorpus.Folder, "invalid", "counter-without-total.telemetry.yaml"));
        var f = Assert.Single(result.Findings);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("The counter 'http_requests' must end in '_total'.", f.Message);
        Assert.Contains("'http_requests_total'", f.Hint);
        Assert.EndsWith("counter-without-total.telemetry.yaml:4:3: error TC1008: The counter 'http_requests' must end in '_total'.", f.ToString());
    }
}
