namespace TelemetryContracts.TestSupport;

/// <summary>Locates the repository and the shared corpus beside it (CI clones the repo next to <c>shared/</c>).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Contracts.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Contracts.sln).</summary>
    public static string Root => root.Value;

    /// <summary>The <c>shared/</c> folder beside the repository.</summary>
    public static string Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("TC_SHARED_DIR");
            if (!string.IsNullOrEmpty(env))
            {
                return env;
            }

            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (Directory.Exists(beside))
            {
                return beside;
            }

            // Worktrees live one level deeper than the main clone.
            var up = Path.GetFullPath(Path.Combine(Root, "..", "..", "shared"));
            return Directory.Exists(up) ? up : beside;
        }
    }

    /// <summary>The shared corpus of real dashboards, exposition files, PromQL and LogQL.</summary>
    public static string Corpus => Path.Combine(Shared, "corpus");

    /// <summary>The recorded responses of a real Loki 2.9.9.</summary>
    public static string LokiRecordings => Path.Combine(Shared, "loki-recordings");

    /// <summary>The <c>contracts/</c> folder of the repository.</summary>
    public static string Contracts => Path.Combine(Root, "contracts");

    /// <summary>Every contract file in <c>contracts/</c>, sorted.</summary>
    public static IReadOnlyList<string> ContractFiles => Directory
        .EnumerateFiles(Contracts, "*.telemetry.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The built ScaniumBackend sample, in the configuration the running tests were built in (their output folder is
    /// <c>bin/&lt;configuration&gt;/&lt;framework&gt;/</c>, and the solution builds the sample alongside).
    /// </summary>
    public static string ScaniumBackendDll =>
        Path.Combine(Root, "samples", "ScaniumBackend", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ScaniumBackend.dll");

    /// <summary>A path relative to the repository root, with forward slashes (stable in snapshots).</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
