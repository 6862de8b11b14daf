using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>The ScaniumBackend sample started as a real process on 127.0.0.1 and a free port.</summary>
internal sealed class SampleService : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private SampleService(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static string DllPath => RepoPaths.ScaniumBackendDll;

    public static async Task<SampleService> StartAsync(string metricsToken, string? omitMetrics = null)
    {
        Assert.True(File.Exists(DllPath), "the sample is not built at " + DllPath);
        var port = FreePort.Next();
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
        };
        psi.ArgumentList.Add(DllPath);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        psi.Environment["SCANIUM_METRICS_TOKEN"] = metricsToken;
        psi.Environment["Scanium__Env"] = "dev";
        psi.Environment["Scanium__SlowDelayMs"] = "20";
        if (omitMetrics is not null)
        {
            psi.Environment["Scanium__OmitMetrics"] = omitMetrics;
        }
        var service = new SampleService(Process.Start(psi)!, port);
        service.process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service.process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = await PrometheusServer.WaitUntilAsync(async () =>
        {
            if (service.process.HasExited)
            {
                return true;
            }

            try
            {
                return (await http.GetAsync(service.Url + "/health")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        if (!ready || service.process.HasExited)
        {
            var output = service.Output;
            service.Dispose();
            throw new InvalidOperationException("the sample did not start: " + output);
        }

        return service;
    }

    public string Output
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Every endpoint, including the failing and the rejected ones, so every series and label value exists.</summary>
    public async Task DriveTrafficAsync(int rounds)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < rounds; i++)
        {
            await http.GetAsync("/api/items");
            await http.GetAsync("/api/items/1");
            await http.GetAsync("/api/items/424242");
            await http.PostAsync("/api/scans", new StringContent("{\"name\":\"usb charger\"}", Encoding.UTF8, "application/json"));
            await http.PostAsync("/api/scans", new StringContent("{\"name\":\"\"}", Encoding.UTF8, "application/json"));
            await http.GetAsync("/api/slow?ms=5");
            await http.GetAsync("/api/fail");
            await http.DeleteAsync("/api/items/1");
        }
    }

    public async Task<string> MetricsAsync(string token)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, Url + "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose()
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
    }

    private void Append(string? line)
    {
        lock (log)
        {
            if (log.Length < 200_000)
            {
                log.AppendLine(line);
            }
        }
    }
}
