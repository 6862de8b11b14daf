using System.Text;
using TelemetryContracts.Contracts;
using TelemetryContracts.Generation.Dashboards;
using TelemetryContracts.Generation.Grafana;
using TelemetryContracts.Generation.Logs;
using TelemetryContracts.Generation.Prometheus;

namespace TelemetryContracts.Generation;

/// <summary>
/// Generates every artefact for a set of contracts and writes only files whose bytes changed, so a rebuild keeps
/// timestamps (Grafana's file provider and MSBuild's incremental checks both see "no change").
/// </summary>
public static class TelemetryArtifactsGenerator
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>All files for the contracts, in a stable order (by path). Contracts are expected to be free of errors.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(IReadOnlyList<TelemetryContract> contracts, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(options);
        var layout = options.Layout;
        var duplicate = contracts.GroupBy(c => c.Service, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two contracts declare the service '{duplicate.Key}' ({string.Join(", ", duplicate.Select(c => c.FilePath))}); their generated files would overwrite each other.", nameof(contracts));
        }

        var files = new List<GeneratedFile>
        {
            new(layout.DatasourcesFile, ProvisioningEmitter.EmitDatasources(options)),
            new(layout.DashboardProvidersFile, ProvisioningEmitter.EmitDashboardProvider(options)),
            new(layout.PrometheusConfigFile, ScrapeConfigEmitter.Emit(contracts, options)),
        };
        foreach (var contract in contracts)
        {
            files.Add(new(Join(layout.DashboardsFolder, contract.Service + ".json"), DashboardEmitter.Emit(DashboardEmitter.Build(contract, options))));
            files.Add(new(Join(layout.RulesFolder, RulesEmitter.FileName(contract)), RulesEmitter.Emit(contract, options)));
            files.Add(new(Join(layout.AlloyFolder, AlloyEmitter.FileName(contract)), AlloyEmitter.Emit(contract, options)));
            files.Add(new(Join(layout.PromtailFolder, PromtailEmitter.FileName(contract)), PromtailEmitter.Emit(contract, options)));
        }

        return files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>Generates and writes into <paramref name="outputDirectory"/>, rewriting only files whose content differs.</summary>
    public static GenerationResult Write(IReadOnlyList<TelemetryContract> contracts, GenerationOptions options, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var written = new List<string>();
        var unchanged = new List<string>();
        var root = Path.GetFullPath(outputDirectory);
        foreach (var file in Generate(contracts, options))
        {
            var path = Path.GetFullPath(Path.Combine(root, file.RelativePath));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The output layout puts '{file.RelativePath}' outside the output folder.", nameof(options));
            }

            var bytes = Utf8NoBom.GetBytes(file.Content);
            if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                unchanged.Add(file.RelativePath);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write beside and move: Grafana and Prometheus watch these folders and must never read half a file.
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
            written.Add(file.RelativePath);
        }

        return new GenerationResult(written, unchanged);
    }

    private static string Join(string folder, string name) => folder.TrimEnd('/') + "/" + name;
}
