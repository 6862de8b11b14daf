using TelemetryContracts.Contracts;
using TelemetryContracts.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>The real contracts of the repository, loaded once.</summary>
internal static class Contracts
{
    private static readonly Lazy<IReadOnlyList<TelemetryContract>> all = new(() => RepoPaths.ContractFiles.Select(Load).ToList());

    public static IReadOnlyList<TelemetryContract> All => all.Value;

    public static IEnumerable<object[]> Names => RepoPaths.ContractFiles.Select(f => new object[] { RepoPaths.Relative(f) });

    public static TelemetryContract ByRelativePath(string relative) =>
        All.Single(c => RepoPaths.Relative(c.FilePath) == relative);

    public static TelemetryContract Load(string path)
    {
        var result = ContractLoader.LoadFile(path);
        var errors = result.Findings.Where(f => f.Severity >= Severity.Error).ToList();
        Assert.True(errors.Count == 0, $"{path} has errors: {string.Join("; ", errors.Select(e => e.Id + " " + e.Message))}");
        return result.Contract!;
    }
}
