using System.Diagnostics;

namespace TelemetryContracts.TestSupport;

/// <summary>What the real-server helpers (Prometheus, VictoriaMetrics) share: stopping the process tree and removing its folder.</summary>
public static class ServerProcesses
{
    /// <summary>
    /// Polls <paramref name="url"/> until it answers 2xx. If the process exits first, or 60 s pass, it stops
    /// <paramref name="server"/> and throws with the process's log, so a failed start says why.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(Process process, string name, string url, System.Text.StringBuilder log, IDisposable server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {log}");
            }

            try
            {
                using var r = await http.GetAsync(url, cancellationToken);
                if (r.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        server.Dispose();
        throw new TimeoutException($"{name} did not answer {url} within 60 s: {log}");
    }

    /// <summary>Kills <paramref name="process"/> with its children, waits for it, and deletes <paramref name="workDir"/> (best effort).</summary>
    public static void Stop(Process process, string? workDir)
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
            // Already gone.
        }

        process.Dispose();
        if (workDir is null)
        {
            return;
        }

        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child; the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
