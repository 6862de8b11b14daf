using System.Text.RegularExpressions;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.LogQL.Benchmarks;

/// <summary>The LogQL corpus queries (logqltest eval lines, bench query lists, lezer expressions).</summary>
public static class CorpusQueries
{
    public static IReadOnlyList<string> Load()
    {
        var root = Path.Combine(RepoPaths.Corpus, "logql");
        var list = new List<string>();
        var eval = new Regex(@"^eval\s+(?:instant\s+at\s+\S+|range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(?<q>.+)$");
        foreach (var file in Directory.GetFiles(Path.Combine(root, "logqltest"), "*.logqltest").Order(StringComparer.Ordinal))
        {
            list.AddRange(File.ReadLines(file).Select(l => eval.Match(l)).Where(m => m.Success).Select(m => m.Groups["q"].Value));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(root, "bench-queries"), "*.yaml").Order(StringComparer.Ordinal))
        {
            list.AddRange(File.ReadLines(file).Select(l => l.Trim()).Where(l => l.StartsWith("query: ", StringComparison.Ordinal))
                .Select(l => l["query: ".Length..].Replace("${SELECTOR}", "{service_name=\"bench\"}").Replace("${RANGE}", "5m")));
        }
        var lezer = File.ReadAllLines(Path.Combine(root, "lezer-logql-expression.txt"));
        for (var i = 0; i < lezer.Length; i++)
        {
            if (!lezer[i].StartsWith("# ", StringComparison.Ordinal)) continue;
            var body = new List<string>();
            for (i++; i < lezer.Length && lezer[i].Trim() != "==>"; i++) body.Add(lezer[i]);
            list.Add(string.Join("\n", body).Trim());
        }
        return list;
    }
}
