using TelemetryContracts.Checks;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Output;

/// <summary>Markdown for a pull-request comment or a CI job summary: the first broken link on top, a table of checks, the findings with their evidence.</summary>
public static class MarkdownRenderer
{
    /// <summary>Writes the report.</summary>
    public static void Render(DoctorReport report, TextWriter w)
    {
        w.WriteLine($"## telemetry-contracts check: `{report.Service}`");
        w.WriteLine();
        w.WriteLine(report.FirstBrokenFinding is null ? $"✅ {Escape(report.Summary)}" : $"❌ **{Escape(report.Summary)}**");
        w.WriteLine();
        w.WriteLine("| check | status | notes |");
        w.WriteLine("|---|---|---|");
        foreach (var r in report.Results)
        {
            var status = r.Status switch
            {
                CheckStatus.Passed => "✅ passed",
                CheckStatus.Failed => "❌ failed",
                CheckStatus.Skipped => "⏭ skipped",
                _ => "⏸ not checked",
            };
            var notes = r.Reason ?? string.Join("; ", r.Findings.Select(f => f.Id).Distinct(StringComparer.Ordinal));
            w.WriteLine($"| `{r.Check.Id}` {Escape(r.Check.Title)} | {status} | {Escape(notes)} |");
        }

        if (report.Findings.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("### Findings");
        foreach (var f in report.Findings)
        {
            w.WriteLine();
            w.WriteLine($"- **{f.Id}** ({f.Severity.ToString().ToLowerInvariant()}) {Escape(f.Message)}  ");
            w.WriteLine($"  at `{f.Location}` · fix: {Escape(f.Hint)} · [docs]({RuleCatalog.Find(f.Id)?.DocPath ?? "docs/rules/" + f.Id + ".md"})");
            if (f.Evidence is { Length: > 0 } e)
            {
                w.WriteLine();
                w.WriteLine("  ```text");
                foreach (var line in e.Split('\n'))
                {
                    w.WriteLine("  " + line.Replace("```", "`\u200b``", StringComparison.Ordinal));
                }

                w.WriteLine("  ```");
            }
        }
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
