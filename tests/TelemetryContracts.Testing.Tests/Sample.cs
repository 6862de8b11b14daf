using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Testing.Tests;

/// <summary>The built ScaniumBackend sample (branch generator) and its contract.</summary>
internal static class Sample
{
#if RELEASE_BUILD
    private const string Configuration = "Release";
#else
    private const string Configuration = "Debug";
#endif

    public static string Dll => Path.Combine(RepoPaths.Root, "samples", "ScaniumBackend", "bin", Configuration, "net10.0", "ScaniumBackend.dll");

    public static string Contract => Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");

    public static Task<ServiceProcess> StartAsync(IDictionary<string, string>? environment = null) => ServiceProcess.StartAsync(Dll, environment);

    public static ContractTestSettings Metrics(ServiceProcess service, string? token = null) => ContractTestSettings.FromEnvironment(name => name switch
    {
        "TC_METRICS_URL" => new Uri(service.BaseAddress, "/metrics").AbsoluteUri,
        "TC_METRICS_TOKEN" => token,
        _ => null,
    });
}
