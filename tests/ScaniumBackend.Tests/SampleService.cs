using TelemetryContracts.TestSupport;

namespace ScaniumBackend.Tests;

/// <summary>Where the built sample is and how to start it.</summary>
internal static class SampleService
{
    public static string Dll => RepoPaths.ScaniumBackendDll;

    public static string ContractPath => Path.Combine(RepoPaths.Contracts, "scanium", "scanium-backend.telemetry.yaml");

    public static Task<ServiceProcess> StartAsync(IDictionary<string, string>? environment = null) =>
        ServiceProcess.StartAsync(Dll, environment);

    /// <summary>A little traffic that touches every endpoint.</summary>
    public static async Task TrafficAsync(HttpClient http)
    {
        await http.GetAsync("api/items");
        await http.GetAsync("api/items/2");
        await http.GetAsync("api/items/99");
        await http.GetAsync("api/slow?ms=20");
        await http.GetAsync("api/fail");
        await http.PostAsync("api/scans", new StringContent("{\"name\":\"usb charger\"}", System.Text.Encoding.UTF8, "application/json"));
        await http.PostAsync("api/scans", new StringContent("{\"name\":\"\"}", System.Text.Encoding.UTF8, "application/json"));
    }
}
