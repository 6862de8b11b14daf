using System.Diagnostics;
using System.IO.Compression;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Package.Tests;

/// <summary>
/// `dotnet pack` → local folder feed → a fresh project outside the solution with a PackageReference and a contract →
/// build → run → the contract's metric is on /metrics. This is the path users take, so it is tested end to end.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private const string Contract = """
        service: shop
        namespace: shop
        labels:
          region: { values: [eu-west, us-east] }
        metrics:
          orders_created_total:
            type: counter
            help: Orders created.
            labels: [region]
        """;

    private const string ProgramSource = """
        using Fresh;
        using TelemetryContracts.AspNetCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddTelemetryMetrics();
        builder.Services.AddShopTelemetry();
        var app = builder.Build();
        var telemetry = app.Services.GetRequiredService<ShopTelemetry>();
        telemetry.OrdersCreatedTotal.Inc(ShopTelemetry.Region.EuWest);
        app.MapTelemetryMetrics("/metrics");
        app.Run();
        """;

#if RELEASE_BUILD
    private const string Configuration = "Release";
#else
    private const string Configuration = "Debug";
#endif

    private readonly string version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string feed = Path.Combine(RepoPaths.Root, "artifacts", "packages");
    private readonly string work = Path.Combine(Path.GetTempPath(), "tc-package-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PackedPackage_ReferencedFromTheLocalFeed_GeneratesCodeAndServesTheMetric()
    {
        foreach (var project in new[] { "src/TelemetryContracts.Runtime", "src/TelemetryContracts.AspNetCore", "src/TelemetryContracts" })
        {
            // The test's own configuration, so CI (Release) packs what it has already built.
            await DotnetAsync(RepoPaths.Root, null, "pack", project, "-c", Configuration, "-o", feed, "-p:Version=" + version);
        }

        var package = Path.Combine(feed, $"TelemetryContracts.{version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("analyzers/dotnet/cs/TelemetryContracts.Generator.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
            Assert.Contains("build/TelemetryContracts.props", entries);
            Assert.Contains("build/TelemetryContracts.targets", entries);
            Assert.Contains("buildTransitive/TelemetryContracts.targets", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        }

        var app = Path.Combine(work, "Fresh");
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="local" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="local"><package pattern="TelemetryContracts*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Fresh.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TelemetryContracts" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), ProgramSource);
        Directory.CreateDirectory(Path.Combine(app, "telemetry"));
        await File.WriteAllTextAsync(Path.Combine(app, "telemetry", "shop.telemetry.yaml"), Contract);

        // A private package folder: the test sees exactly what a first-time user downloads, not a cached copy.
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        await DotnetAsync(app, env, "build", "-c", "Release");

        await using var service = await ServiceProcess.StartAsync(Path.Combine(app, "bin", "Release", "net10.0", "Fresh.dll"), readyPath: "/metrics");
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var exposition = await http.GetStringAsync("metrics");

        Assert.Contains("shop_orders_created_total{region=\"eu-west\"} 1", exposition, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(feed, "*." + version + ".nupkg"))
        {
            File.Delete(file);
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task DotnetAsync(string directory, IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }
}
