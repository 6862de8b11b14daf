using TelemetryContracts.Checks;
using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Cli.Output;

/// <summary>The doctor's report in plain words: the first broken link with the request and answer that prove it, then every check and its outcome.</summary>
public static class DoctorTextRenderer
{
    /// <summary>Writes the report.</summary>
    public static void Render(DoctorReport report, TextWriter w)
    {
        w.WriteLine($"telemetry-contracts check: {report.Service} ({report.ContractFile})");
        w.WriteLine();
        w.WriteLine(report.Summary);
        if (report.FirstBrokenFinding is { } first)
        {
            WriteDetails(first, w, "  ");
        }

        w.WriteLine();
        w.WriteLine("Checked, in pipeline order (service → scrape → TSDB → Loki → Grafana):");
        foreach (var r in report.Results)
        {
            var mark = r.Status switch
            {
                CheckStatus.Passed => "ok         ",
                CheckStatus.Failed => "FAILED     ",
                CheckStatus.Skipped => "skipped    ",
                _ => "not checked",
            };
            var note = r.Reason is { } reason ? $" ({reason})" : r.Findings.Count > 0 ? $" ({r.Findings.Count} finding(s))" : "";
            w.WriteLine($"  {mark} {r.Check.Id,-34} {r.Check.Title}{note}");
        }

        var rest = report.Findings.Where(f => !ReferenceEquals(f, report.FirstBrokenFinding)).ToList();
        if (rest.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Other findings:");
            foreach (var f in rest)
            {
                w.WriteLine("  " + f);
                WriteDetails(f, w, "    ");
            }
        }

        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        w.WriteLine();
        w.WriteLine($"{report.Results.Count(r => r.Status is CheckStatus.Passed or CheckStatus.Failed)} check(s) run: {errors} error(s), {warnings} warning(s), {report.Findings.Count - errors - warnings} info.");
    }

    private static void WriteDetails(Finding f, TextWriter w, string indent)
    {
        if (f.Location.File is not null || f.Location.Url is not null)
        {
            w.WriteLine($"{indent}at: {(f.Location.File is not null ? f.Location.ToString() : "")}{(f.Location.File is not null && f.Location.Url is not null ? " " : "")}{f.Location.Url}");
        }

        if (f.Evidence is { Length: > 0 } e)
        {
            w.WriteLine($"{indent}evidence: {e.Replace("\n", "\n" + indent + "          ", StringComparison.Ordinal)}");
        }

        w.WriteLine($"{indent}fix: {f.Hint}");
        w.WriteLine($"{indent}docs: {RuleCatalog.Find(f.Id)?.DocPath ?? "docs/rules/" + f.Id + ".md"}");
    }
}
