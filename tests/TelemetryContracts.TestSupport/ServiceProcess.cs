using System.Collections.Concurrent;
using System.Diagnostics;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// A real service started as a process (<c>dotnet Service.dll --urls http://127.0.0.1:PORT</c>) on a free port,
/// with its stdout lines collected (structured logs) and stopped on dispose — only this process and its children.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every line written to stdout/stderr so far.</summary>
    public IReadOnlyList<string> OutputLines => output.ToArray();

    /// <summary>
    /// Starts <paramref name="dll"/> (or, when <paramref name="dll"/> is null, the given executable command) and
    /// waits until <paramref name="readyPath"/> answers 2xx, failing with the process output after a timeout.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string dll, IDictionary<string, string>? environment = null, string readyPath = "/health", TimeSpan? timeout = null)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(info)!, new Uri(url + "/"));
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (service.process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(readyPath.TrimStart('/'));
                if (response.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        if (service.process.HasExited)
        {
            // The asynchronous output readers may still hold the last lines (the reason it stopped);
            // the parameterless WaitForExit returns only once both streams are drained.
            service.process.WaitForExit();
        }

        var lines = string.Join("\n", service.OutputLines.TakeLast(40));
        await service.DisposeAsync();
        throw new InvalidOperationException($"{Path.GetFileName(dll)} did not become ready on {url}{readyPath}. Output:\n{lines}");
    }

    /// <summary>Waits until a line matching <paramref name="predicate"/> was written, or fails after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (OutputLines.FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("No matching output line. Last lines:\n" + string.Join("\n", OutputLines.TakeLast(20)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
