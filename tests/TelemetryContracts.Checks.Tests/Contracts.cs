using TelemetryContracts.Contracts;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>The real contracts the tests use, optionally with the job renamed so scenarios sharing one Prometheus do not see each other's history.</summary>
internal static class Contracts
{
    public static string ScaniumPath => Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");

    public static TelemetryContract Scanium(string? job = null, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(ScaniumPath);
        if (job is not null)
        {
            text = text.Replace("job: scanium-backend", "job: " + job, StringComparison.Ordinal);
        }

        if (edit is not null)
        {
            text = edit(text);
        }

        var result = ContractLoader.Parse(ScaniumPath, text);
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        return result.Contract;
    }

    public static TelemetryContract Parse(string text)
    {
        var result = ContractLoader.Parse("test.telemetry.yaml", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Findings));
        return result.Contract;
    }
}
