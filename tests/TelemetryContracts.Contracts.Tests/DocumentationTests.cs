using System.Text;
using TelemetryContracts.Contracts.Schema;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>The README's contract-format reference and rule index are generated from the schema and the catalogue, so they cannot drift.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void ReadmeContractFormat_IsGeneratedFromTheJsonSchema() =>
        GeneratedDocSection.AssertCurrent("README.md", "contract-format", ContractFormatDoc.Render());

    [Fact]
    public void RuleIndex_ListsEveryRuleOfTheCatalogue()
    {
        var sb = new StringBuilder("| ID | severity | component | rule |\n|---|---|---|---|\n");
        foreach (var r in RuleCatalog.All)
        {
            sb.Append("| [").Append(r.Id).Append("](").Append(r.DocPath.Substring("docs/rules/".Length)).Append(") | ").Append(r.DefaultSeverity.ToString().ToLowerInvariant())
                .Append(" | ").Append(r.Category).Append(" | ").Append(r.Title.Replace("|", "\\|")).Append(" |\n");
        }

        GeneratedDocSection.AssertCurrent("docs/rules/README.md", "rule-index", sb.ToString());
    }
}
