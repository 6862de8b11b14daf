using System.Text.RegularExpressions;
using TelemetryContracts.TestSupport;
using YamlDotNet.RepresentationModel;

namespace TelemetryContracts.LogQL.Tests;

/// <summary>One query from the upstream corpus and what Loki does with it.</summary>
/// <param name="Source">File and line (or case name) it came from.</param>
/// <param name="Query">The LogQL text.</param>
/// <param name="MustParse">True when Loki's parser accepts it.</param>
/// <param name="Why">Where the expectation comes from.</param>
/// <param name="SyntaxOnly">True when the expectation covers syntax only (the lezer grammar does not run Loki's checks).</param>
public sealed record CorpusQuery(string Source, string Query, bool MustParse, string Why, bool SyntaxOnly = false)
{
    /// <summary>Whether our parser agrees with the expectation's notion of "accepted".</summary>
    public bool Accepted(ParseResult result) => SyntaxOnly
        ? result.Errors.All(e => e.Kind == ParseErrorKind.Validation)
        : result.Success;

    public override string ToString() => $"{Source}: {Query}";
}

/// <summary>Reads the LogQL corpus: Loki's logqltest scripts, bench query lists, docs examples and the lezer-logql test list.</summary>
public static class LogQLCorpus
{
    public static string Root => Path.Combine(RepoPaths.Corpus, "logql");

    // Failures that depend on the data or the query type, not on the text: Loki's parser accepts these queries.
    private static readonly string[] RuntimeFailures =
    [
        "multiple matches for labels", "found duplicate series", "LabelFilterErr", "JSONParserErr", "LogfmtParserErr",
        "unknown unit", "missing unit in duration", "invalid duration", "parsing \\\"\\\": invalid syntax", "only supported on instant queries",
    ];

    // `expect fail` without a message: decided by reading the comment above each case.
    private static readonly Dictionary<string, bool> BareFailParses = new()
    {
        ["conversions.logqltest:64"] = true,  // bytes() of "1XB" fails while converting data
        ["conversions.logqltest:122"] = true, // duration() of "1d" fails while converting data
        ["conversions.logqltest:124"] = true,
        ["functions.logqltest:68"] = false,   // label_replace with regex "(" does not compile
    };

    public static IEnumerable<CorpusQuery> LogqlTestScripts()
    {
        var eval = new Regex(@"^eval\s+(?:instant\s+at\s+\S+|range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(?<q>.+)$");
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "logqltest"), "*.logqltest").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var m = eval.Match(lines[i]);
                if (!m.Success) continue;
                var source = $"{Path.GetFileName(file)}:{i + 1}";
                var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
                if (!next.StartsWith("expect fail", StringComparison.Ordinal))
                {
                    yield return new CorpusQuery(source, m.Groups["q"].Value, true, "evaluated by Loki");
                    continue;
                }
                var message = next["expect fail".Length..].Trim();
                bool parses = message.Length == 0
                    ? BareFailParses[source]
                    : RuntimeFailures.Any(r => message.Contains(r, StringComparison.Ordinal));
                yield return new CorpusQuery(source, m.Groups["q"].Value, parses, parses ? $"fails at run time ({(message.Length == 0 ? "data" : message)})" : $"must fail: {message}");
            }
        }
    }

    public static IEnumerable<CorpusQuery> BenchQueries()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "bench-queries"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) yaml.Load(reader);
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var queries = (YamlSequenceNode)root.Children[new YamlScalarNode("queries")];
            var n = 0;
            foreach (var item in queries.Children.OfType<YamlMappingNode>())
            {
                n++;
                var q = ((YamlScalarNode)item.Children[new YamlScalarNode("query")]).Value!;
                // The bench harness substitutes these placeholders; use values of the same shape.
                q = q.Replace("${SELECTOR}", "{service_name=\"bench\"}").Replace("${RANGE}", "5m").Replace("${LABEL_NAME}", "level").Replace("${LABEL_VALUE}", "error");
                yield return new CorpusQuery($"{Path.GetFileName(file)}#{n}", q, true, "Loki benchmark query");
            }
        }
    }

    public static IEnumerable<CorpusQuery> DocsExamples()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```logql") continue;
                var start = i + 1;
                var block = new List<string>();
                for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) block.Add(lines[i]);
                foreach (var (query, line, valid, why) in SplitDocBlock(block, start))
                {
                    yield return new CorpusQuery($"{Path.GetFileName(file)}:{line + 1}", query, valid, why);
                }
            }
        }
    }

    // A docs block holds one multi-line query, or one query per line; fragments (starting with | or ...) and
    // syntax templates (<aggr-op>) are not queries. "// INVALID" marks the docs' own negative examples.
    private static IEnumerable<(string Query, int Line, bool Valid, string Why)> SplitDocBlock(List<string> block, int firstLine)
    {
        var text = string.Join("\n", block).Trim();
        if (text.Length == 0 || (Regex.IsMatch(text, @"<[a-z][a-z -]*>") && !text.Contains("pattern", StringComparison.Ordinal) && !text.Contains("|>", StringComparison.Ordinal))) yield break;
        var single = Parser.Parse(StripDocComment(text, out _));
        var perLine = block.Where(l => l.Trim().Length > 0).ToList();
        if (perLine.Count > 1 && perLine.All(l => l.TrimStart().StartsWith('{') || Regex.IsMatch(l.TrimStart(), @"^[a-z_]+\s*(by|without)?\s*\(")) && !single.Success)
        {
            for (var k = 0; k < block.Count; k++)
            {
                var l = block[k].Trim();
                if (l.Length == 0) continue;
                var q = StripDocComment(l, out var invalid);
                yield return (q, firstLine + k, !invalid, invalid ? "docs mark it INVALID" : "docs example");
            }
            yield break;
        }
        if (text.StartsWith('|') || text.StartsWith("...", StringComparison.Ordinal)) yield break;
        var query = StripDocComment(text, out var bad);
        yield return (query, firstLine, !bad, bad ? "docs mark it INVALID" : "docs example");
    }

    private static string StripDocComment(string text, out bool invalid)
    {
        invalid = false;
        var idx = text.LastIndexOf(" // ", StringComparison.Ordinal);
        if (idx < 0) return text;
        invalid = text[idx..].Contains("INVALID", StringComparison.Ordinal);
        return text[..idx].TrimEnd();
    }

    public static IEnumerable<CorpusQuery> LezerExpressions()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "lezer-logql-expression.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("# ", StringComparison.Ordinal)) continue;
            var name = lines[i][2..].Trim();
            var body = new List<string>();
            var j = i + 1;
            for (; j < lines.Length && lines[j].Trim() != "==>"; j++) body.Add(lines[j]);
            var tree = new List<string>();
            for (j++; j < lines.Length && !lines[j].StartsWith("# ", StringComparison.Ordinal); j++) tree.Add(lines[j]);
            var query = string.Join("\n", body).Trim();
            var hasError = tree.Any(t => t.Contains('⚠'));
            yield return new CorpusQuery($"lezer:{i + 1} {name}", query, !hasError, hasError ? "lezer grammar reports an error" : "lezer grammar accepts it", SyntaxOnly: true);
            i = j - 1;
        }
    }

    public static IEnumerable<CorpusQuery> All() => LogqlTestScripts().Concat(BenchQueries()).Concat(DocsExamples()).Concat(LezerExpressions());
}
