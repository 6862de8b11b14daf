using System.Text.RegularExpressions;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Contracts.Tests;

/// <summary>The single rule catalogue: stable ID format, no reuse, and a documentation page per ID (and an ID per page).</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void Ids_AreUniqueAndWellFormed()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(new Regex("^TC[1-6][0-9]{3}$"), id));
    }

    [Fact]
    public void EveryRule_HasADocumentationPage()
    {
        var missing = RuleCatalog.All.Where(r => !File.Exists(Path.Combine(RepoPaths.Root, r.DocPath))).Select(r => r.Id).ToList();
        Assert.True(missing.Count == 0, "rules without docs/rules/<ID>.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryDocumentationPage_NamesARule()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToHashSet();
        var orphans = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs", "rules"), "TC*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(id => !ids.Contains(id!))
            .ToList();
        Assert.True(orphans.Count == 0, "pages without a rule: " + string.Join(", ", orphans));
    }

    [Fact]
    public void EveryDocumentationPage_HasTheRequiredSections()
    {
        foreach (var r in RuleCatalog.All)
        {
            var path = Path.Combine(RepoPaths.Root, r.DocPath);
            if (!File.Exists(path))
            {
                continue;
            }

            var text = File.ReadAllText(path);
            Assert.StartsWith("# " + r.Id, text);
            var headings = Regex.Matches(text, "^##+ (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();
            foreach (var concept in new[] { new[] { "detect" }, new[] { "incident", "why", "matters", "prevent" }, new[] { "example" }, new[] { "fix" }, new[] { "suppress", "disable" } })
            {
                Assert.True(headings.Any(h => concept.Any(h.Contains)), $"{r.DocPath} lacks a section about '{concept[0]}' (headings: {string.Join(" | ", headings)})");
            }
        }
    }

    [Fact]
    public void Messages_FormatWithoutThrowing()
    {
        foreach (var r in RuleCatalog.All)
        {
            var args = Enumerable.Range(0, 8).Select(i => (object?)("arg" + i)).ToArray();
            Assert.False(string.IsNullOrWhiteSpace(r.Format(args)));
            Assert.False(string.IsNullOrWhiteSpace(r.FormatHint(args)));
        }
    }
}
