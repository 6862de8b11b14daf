using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// The ScaniumBackend sample (branch generator) as a process on 127.0.0.1, with its incident switches
/// (<c>Scanium__OmitMetrics</c>, <c>Scanium__RenameLabel</c>, <c>SCANIUM_METRICS_TOKEN</c>) and a little traffic so every metric has series.
/// </summary>
internal sealed class SampleService : IAsyncDisposable
{
    private readonly ServiceProcess process;

    private SampleService(ServiceProcess process) => this.process = process;

    public static string Dll => RepoPaths.ScaniumBackendDll;

    public int Port => process.BaseAddress.Port;

    public Uri MetricsUrl => new(process.BaseAddress, "/metrics");

    public static async Task<SampleService> StartAsync(IDictionary<string, string>? environment = null)
    {
        var process = await ServiceProcess.StartAsync(Dll, environment);
        using var http = new HttpClient { BaseAddress = process.BaseAddress };
        await http.GetAsync("api/items");
        await http.GetAsync("api/items/2");
        await http.PostAsync("api/scans", new StringContent("{\"name\":\"usb charger\"}", System.Text.Encoding.UTF8, "application/json"));
        return new SampleService(process);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
