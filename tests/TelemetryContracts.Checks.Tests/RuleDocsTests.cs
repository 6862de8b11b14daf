using System.Text.RegularExpressions;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

public sealed class RuleDocsTests
{
    private static IEnumerable<Rule> CheckRules => RuleCatalog.All.Where(r => r.Category == "Check");

    [Fact]
    public void EveryCheckRule_IsInItsBlock_AndHasAPageWithEverySection()
    {
        Assert.NotEmpty(CheckRules);
        foreach (var rule in CheckRules)
        {
            Assert.Matches("^TC50[0-9][0-9]$", rule.Id);
            var page = Path.Combine(RepoPaths.Root, rule.DocPath);
            Assert.True(File.Exists(page), $"{rule.DocPath} is missing");
            var text = File.ReadAllText(page);
            Assert.StartsWith($"# {rule.Id}: {rule.Title}", text);
            foreach (var section in new[] { "## What it detects", "## The incident it prevents", "## Failing example", "## The fix", "## How to suppress it" })
            {
                Assert.Contains(section, text);
            }
        }
    }

    [Fact]
    public void EveryCheckPage_HasARule()
    {
        var ids = CheckRules.Select(r => r.Id).ToHashSet();
        foreach (var page in Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "TC50*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(page), ids);
        }
    }

    [Fact]
    public void EveryRuleTheChecksUse_IsACheckRule()
    {
        // A check must not report another component's rule: the docs and the suppression switch are per ID.
        var source = string.Join("\n", Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "TelemetryContracts.Checks"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Select(File.ReadAllText));
        foreach (Match m in Regex.Matches(source, @"RuleCatalog\.(\w+)\.(At|Id)"))
        {
            var rule = (Rule?)typeof(RuleCatalog).GetProperty(m.Groups[1].Value)?.GetValue(null);
            Assert.True(rule is { Category: "Check" }, $"RuleCatalog.{m.Groups[1].Value} is not a check rule");
        }
    }
}
