using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generator.Tests;

/// <summary>The real contracts under contracts/, as xunit theory data (file names relative to the repository).</summary>
public static class ContractCorpus
{
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoPaths.ContractFiles)
        {
            data.Add(RepoPaths.Relative(file));
        }

        return data;
    }

    public static string FullPath(string relative) => Path.Combine(RepoPaths.Root, relative);

    public static string SnapshotName(string relative) => Path.GetFileName(relative).Replace(".telemetry.yaml", "", StringComparison.Ordinal);
}
