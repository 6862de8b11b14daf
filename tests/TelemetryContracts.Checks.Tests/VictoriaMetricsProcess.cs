using System.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Checks.Tests;

/// <summary>
/// A real VictoriaMetrics (Debian package victoria-metrics) on 127.0.0.1 with its own data folder. Like Mimir it
/// serves the Prometheus query API under /prometheus and, fed by remote write, has no targets of its own.
/// </summary>
public sealed class VictoriaMetricsProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dir;

    private VictoriaMetricsProcess(Process process, string dir, int port)
    {
        this.process = process;
        this.dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The query base URL with the /prometheus prefix.</summary>
    public string PrometheusUrl => $"http://127.0.0.1:{Port}/prometheus";

    /// <summary>The remote-write URL for Prometheus.</summary>
    public string RemoteWriteUrl => $"http://127.0.0.1:{Port}/api/v1/write";

    public static async Task<VictoriaMetricsProcess?> StartAsync()
    {
        var binary = DebianPackages.Ensure("victoria-metrics", "victoria-metrics");
        if (binary is null)
        {
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("tc-vm-").FullName;
        var port = FreePort.Next();
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"-httpListenAddr=127.0.0.1:{port}", $"-storageDataPath={dir}", "-loggerLevel=ERROR", "-search.latencyOffset=1s", "-retentionPeriod=1d" })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var vm = new VictoriaMetricsProcess(process, dir, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = await PrometheusServer.WaitUntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30));
        if (!ready)
        {
            await vm.DisposeAsync();
            throw new TimeoutException("victoria-metrics did not become healthy within 30 s");
        }

        return vm;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
