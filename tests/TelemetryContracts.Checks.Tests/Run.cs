using TelemetryContracts.Checks.Http;
using TelemetryContracts.Contracts;

namespace TelemetryContracts.Checks.Tests;

/// <summary>Shortcuts for running the doctor in tests.</summary>
internal static class Run
{
    public static Task<DoctorReport> BackendAsync(TelemetryContract contract, CheckSettings settings, BackendKind backend) =>
        Doctor.RunAsync(contract, settings, CheckRegistry.All.Where(c => c.Backend == backend).ToList());

    public static CheckSettings Metrics(string url, string? token = null) => new()
    {
        MetricsUrl = new Uri(url),
        MetricsToken = token,
        RequestTimeout = TimeSpan.FromSeconds(5),
        RunTimeout = TimeSpan.FromSeconds(30),
    };

    public static string Ids(DoctorReport report) => string.Join(",", report.Findings.Select(f => f.Id));
}
