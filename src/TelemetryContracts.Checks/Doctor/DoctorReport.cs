using TelemetryContracts.Diagnostics;

namespace TelemetryContracts.Checks;

/// <summary>What a doctor run found: every check's outcome in pipeline order, and the first broken link.</summary>
public sealed record DoctorReport(string ContractFile, string Service, IReadOnlyList<CheckResult> Results)
{
    /// <summary>Every finding, in pipeline order (already redacted).</summary>
    public IReadOnlyList<Finding> Findings => Results.SelectMany(r => r.Findings).ToList();

    /// <summary>The first check that failed, or null when every link holds.</summary>
    public CheckResult? FirstBroken => Results.FirstOrDefault(r => r.Status == CheckStatus.Failed);

    /// <summary>The finding that names the first broken link, or null.</summary>
    public Finding? FirstBrokenFinding => FirstBroken?.Findings.FirstOrDefault(f => f.Severity == Severity.Error);

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>One sentence for people: the first broken link in plain words, or that every configured link holds.</summary>
    public string Summary
    {
        get
        {
            if (FirstBrokenFinding is { } f)
            {
                return $"First broken link: {FirstBroken!.Check.Title} ({FirstBroken.Check.Id}): {f.Message}";
            }

            var ran = Results.Count(r => r.Status == CheckStatus.Passed);
            return ran == 0 ? "Nothing was checked: no backend is configured." : $"Every configured link holds ({ran} check(s) passed).";
        }
    }
}
