namespace TelemetryContracts.Generation.Tests;

/// <summary>Two generations give identical bytes, and writing again touches nothing that did not change.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("tc-determinism-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void TwoGenerations_FromFreshlyLoadedContracts_AreByteIdentical()
    {
        var first = TelemetryArtifactsGenerator.Generate(Contracts.All, new GenerationOptions());
        var reloaded = TestSupport.RepoPaths.ContractFiles.Select(Contracts.Load).ToList();
        var second = TelemetryArtifactsGenerator.Generate(reloaded, new GenerationOptions());
        Assert.Equal(first.Select(f => f.RelativePath), second.Select(f => f.RelativePath));
        Assert.Equal(first.Select(f => f.Content), second.Select(f => f.Content));
        Assert.Equal(Contracts.All.Count * 4 + 3, first.Count);
    }

    [Fact]
    public void GenerationOrder_DoesNotDependOnContractOrder()
    {
        var forward = TelemetryArtifactsGenerator.Generate(Contracts.All, new GenerationOptions());
        var backward = TelemetryArtifactsGenerator.Generate(Contracts.All.Reverse().ToList(), new GenerationOptions());
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void SecondWrite_WithNoChange_RewritesNothingAndKeepsTimestamps()
    {
        var first = TelemetryArtifactsGenerator.Write(Contracts.All, new GenerationOptions(), dir);
        Assert.Empty(first.Unchanged);
        var stamps = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var f in stamps.Keys)
        {
            File.SetLastWriteTimeUtc(f, old);
        }

        var second = TelemetryArtifactsGenerator.Write(Contracts.All, new GenerationOptions(), dir);
        Assert.Empty(second.Written);
        Assert.Equal(first.Written.Count, second.Unchanged.Count);
        Assert.All(stamps.Keys, f => Assert.Equal(old, File.GetLastWriteTimeUtc(f)));
    }

    [Fact]
    public void ChangingOneContract_RewritesOnlyItsFilesAndTheSharedPrometheusConfig()
    {
        TelemetryArtifactsGenerator.Write(Contracts.All, new GenerationOptions(), dir);
        var changed = Contracts.All.Select(c => c.Service == "scanium-backend" ? c with { Scrape = c.Scrape! with { Port = 9999 } } : c).ToList();
        var result = TelemetryArtifactsGenerator.Write(changed, new GenerationOptions(), dir);
        Assert.Equal(new[] { "prometheus/prometheus.yml" }, result.Written);
        var metric = Contracts.All.Select(c => c.Service == "scanium-backend" ? c with { Description = "changed" } : c).ToList();
        result = TelemetryArtifactsGenerator.Write(metric, new GenerationOptions(), dir);
        Assert.Equal(new[] { "grafana/dashboards/scanium-backend.json", "prometheus/prometheus.yml" }, result.Written.Order(StringComparer.Ordinal));
    }
}
