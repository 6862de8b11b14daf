using System.Diagnostics;

namespace TelemetryContracts.TestSupport;

/// <summary>What the real-server helpers (Prometheus, VictoriaMetrics) share: stopping the process tree and removing its folder.</summary>
public static class ServerProcesses
{
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
