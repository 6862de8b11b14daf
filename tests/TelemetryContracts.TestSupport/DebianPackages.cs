using System.Diagnostics;

namespace TelemetryContracts.TestSupport;

/// <summary>
/// Makes sure a Debian package's binary is there, installing it with apt-get when missing (the test
/// setup owns its servers: nothing is installed by hand on CI). Serialised across test processes with a lock file.
/// </summary>
public static class DebianPackages
{
    private static readonly object Gate = new();

    /// <summary>Returns the full path of <paramref name="binary"/>, installing <paramref name="package"/> when needed; null when that fails.</summary>
    public static string? Ensure(string binary, string package)
    {
        lock (Gate)
        {
            var found = Which(binary);
            if (found is not null)
            {
                return found;
            }

            using var fileLock = AcquireLock();
            found = Which(binary);
            if (found is not null)
            {
                return found;
            }

            Run("apt-get", "update -qq");
            Run("apt-get", $"install -y -qq --no-install-recommends {package}");
            return Which(binary);
        }
    }

    /// <summary>The path of an executable on PATH or in /usr/bin, /usr/sbin.</summary>
    public static string? Which(string binary)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(new[] { "/usr/bin", "/usr/sbin", "/bin" });
        foreach (var d in dirs.Where(d => d.Length > 0))
        {
            var p = Path.Combine(d, binary);
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    private static FileStream AcquireLock()
    {
        var path = Path.Combine(Path.GetTempPath(), "telemetry-contracts-apt.lock");
        for (var i = 0; ; i++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (i < 600)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static void Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEndAsync();
        p.WaitForExit(600_000);
    }
}
