using System.Diagnostics;
using System.Net.Http;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// A real Prometheus (Debian package, installed when missing) started on 127.0.0.1 with its own config
/// and data folder, never the Debian service unit. Use one per test class through an xunit fixture;
/// <see cref="ReloadAsync"/> swaps the scrape config between tests.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable, IDisposable
{
    private readonly Process process;
    private readonly string workDir;

    private PrometheusServer(Process process, string workDir, int port, string configPath)
    {
        this.process = process;
        this.workDir = workDir;
        Port = port;
        ConfigPath = configPath;
        Url = $"http://127.0.0.1:{port}";
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; }

    /// <summary>The listening port.</summary>
    public int Port { get; }

    /// <summary>The config file Prometheus was started with; <see cref="ReloadAsync"/> rewrites it.</summary>
    public string ConfigPath { get; }

    /// <summary>The folder holding config, rules and data; removed on dispose.</summary>
    public string WorkDir => workDir;

    /// <summary>The prometheus binary, installing the Debian package when missing; null when it cannot be had.</summary>
    public static string? Binary => DebianPackages.Ensure("prometheus", "prometheus");

    /// <summary>The promtool binary (same Debian package).</summary>
    public static string? Promtool => DebianPackages.Ensure("promtool", "prometheus");

    /// <summary>Starts Prometheus with <paramref name="configYaml"/> (scrape_interval defaults are the caller's choice) and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string configYaml = "global:\n  scrape_interval: 1s\n", CancellationToken cancellationToken = default)
    {
        var binary = Binary ?? throw new InvalidOperationException("prometheus is not installed and apt-get could not install it");
        var dir = Directory.CreateTempSubdirectory("tc-prometheus-").FullName;
        var config = Path.Combine(dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, configYaml, cancellationToken);
        var port = FreePort.Next();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var a in new[]
                 {
                     $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(dir, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--web.enable-lifecycle", "--web.enable-admin-api",
                     "--storage.tsdb.retention.time=1h", "--log.level=warn",
                 })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PrometheusServer(process, dir, port, config);

        await ServerProcesses.WaitUntilHealthyAsync(process, "prometheus", server.Url + "/-/ready", log, server, cancellationToken);
        return server;
    }

    /// <summary>Writes a new config and asks Prometheus to reload it.</summary>
    public async Task ReloadAsync(string configYaml, CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(ConfigPath, configYaml, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var r = await http.PostAsync(Url + "/-/reload", null, cancellationToken);
        r.EnsureSuccessStatusCode();
    }

    /// <summary>Polls <paramref name="probe"/> until it returns true or the timeout passes.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return await probe();
    }

    /// <inheritdoc />
    public void Dispose() => ServerProcesses.Stop(process, workDir);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
