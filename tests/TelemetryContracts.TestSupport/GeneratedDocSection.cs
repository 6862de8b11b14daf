using System.Text.RegularExpressions;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// Sections of Markdown documents that are generated from code (the contract format from the JSON
/// Schema, the CLI reference from the command tree, the rule index from the catalogue). They sit
/// between <c>&lt;!-- generated:NAME --&gt;</c> and <c>&lt;!-- /generated:NAME --&gt;</c>; a test fails when
/// they are stale, and <c>TC_ACCEPT_SNAPSHOTS=1</c> rewrites them.
/// </summary>
public static class GeneratedDocSection
{
    /// <summary>Asserts that section <paramref name="name"/> of <paramref name="relativePath"/> equals <paramref name="content"/>.</summary>
    public static void AssertCurrent(string relativePath, string name, string content)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var begin = $"<!-- generated:{name} -->\n";
        var end = $"<!-- /generated:{name} -->";
        var m = Regex.Match(text, Regex.Escape(begin) + "(.*?)" + Regex.Escape(end), RegexOptions.Singleline);
        if (!m.Success)
        {
            throw new Xunit.Sdk.XunitException($"{relativePath} has no section '{begin.Trim()} … {end}'");
        }

        var expected = content.TrimEnd('\n') + "\n";
        if (m.Groups[1].Value == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("TC_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, text.Substring(0, m.Groups[1].Index) + expected + text.Substring(m.Groups[1].Index + m.Groups[1].Length));
            return;
        }

        throw new Xunit.Sdk.XunitException($"The generated section '{name}' of {relativePath} is stale (TC_ACCEPT_SNAPSHOTS=1 rewrites it):\n{LineDiff.Render(m.Groups[1].Value, expected)}");
    }
}
