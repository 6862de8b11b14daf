using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Testing.Tests;

/// <summary>The built ScaniumBackend sample (branch generator) and its contract.</summary>
internal static class Sample
{
    public static string Dll => RepoPaths.ScaniumBackendDll;

    public static string Contract => Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");

    public static Task<ServiceProcess> StartAsync(IDictionary<string, string>? environment = null) => ServiceProcess.StartAsync(Dll, environment);

    public static ContractTestSettings Metrics(ServiceProcess service, string? token = null) => ContractTestSettings.FromEnvironment(name => name switch
    {
        "TC_METRICS_URL" => new Uri(service.BaseAddress, "/metrics").AbsoluteUri,
        "TC_METRICS_TOKEN" => token,
        _ => null,
    });
}
