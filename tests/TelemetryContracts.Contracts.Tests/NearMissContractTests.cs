using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>Near misses: contracts written right next to each rule's failing case must not trigger it (the passing half of every rule's test).</summary>
public sealed class NearMissContractTests
{
    public static TheoryData<string> NearMisses => ContractCorpus.Names("valid");

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void NearMiss_ReportsNoneOfTheRulesItPasses_AndNoErrors(string name)
    {
        var file = Path.Combine(ContractCorpus.Folder, "valid", name);
        var passes = ContractCorpus.Annotation(file, "passes", ".passes");
        Assert.NotEmpty(passes);

        var result = ContractLoader.LoadFile(file);
        Assert.DoesNotContain(result.Findings, f => passes.Contains(f.Id));
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void EveryContractRule_HasAPassingCase()
    {
        var covered = ContractCorpus.Files("valid").SelectMany(f => ContractCorpus.Annotation(f, "passes", ".passes")).ToHashSet();
        var missing = RuleCatalog.All.Where(r => r.Category == "Contract" && !covered.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.True(missing.Count == 0, "rules without a passing case: " + string.Join(", ", missing));
    }
}
