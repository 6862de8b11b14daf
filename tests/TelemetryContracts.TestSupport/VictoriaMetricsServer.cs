using System.Diagnostics;
using System.Net.Http;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// A real single-node VictoriaMetrics (Debian package <c>victoria-metrics</c>, installed when missing) on 127.0.0.1
/// with its own data folder and <c>-promscrape.config</c>, so it scrapes like Prometheus. It serves the Prometheus
/// query API both at the root and under <see cref="PrometheusUrl"/> (<c>/prometheus</c>). Started with
/// <c>-search.latencyOffset=0s</c>: the default 30 s offset hides fresh samples from instant queries.
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncDisposable, IDisposable
{
    private readonly Process process;

    private VictoriaMetricsServer(Process process, string workDir, int port)
    {
        this.process = process;
        WorkDir = workDir;
        Port = port;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The Prometheus-compatible API prefix, as Mimir and VictoriaMetrics deployments are usually configured in Grafana.</summary>
    public string PrometheusUrl => Url + "/prometheus";

    /// <summary>The listening port.</summary>
    public int Port { get; }

    /// <summary>The folder holding the scrape config and data; removed on dispose.</summary>
    public string WorkDir { get; }

    /// <summary>The binary, installing the Debian package when missing; null when it cannot be had.</summary>
    public static string? Binary => DebianPackages.Ensure("victoria-metrics", "victoria-metrics");

    /// <summary>Starts VictoriaMetrics scraping with <paramref name="scrapeConfigYaml"/> and waits until <c>/health</c> answers OK.</summary>
    public static async Task<VictoriaMetricsServer> StartAsync(string scrapeConfigYaml, CancellationToken cancellationToken = default)
    {
        var binary = Binary ?? throw new InvalidOperationException("victoria-metrics is not installed and apt-get could not install it");
        var dir = Directory.CreateTempSubdirectory("tc-victoria-").FullName;
        var config = Path.Combine(dir, "scrape.yml");
        await File.WriteAllTextAsync(config, scrapeConfigYaml, cancellationToken);
        var port = FreePort.Next();
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[]
                 {
                     $"-httpListenAddr=127.0.0.1:{port}", $"-storageDataPath={Path.Combine(dir, "data")}", $"-promscrape.config={config}",
                     "-retentionPeriod=1d", "-search.latencyOffset=0s", "-loggerLevel=WARN",
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
        var server = new VictoriaMetricsServer(process, dir, port);

        await ServerProcesses.WaitUntilHealthyAsync(process, "victoria-metrics", server.Url + "/health", log, server, cancellationToken);
        return server;
    }

    /// <inheritdoc />
    public void Dispose() => ServerProcesses.Stop(process, WorkDir);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
