using System.Diagnostics;

namespace TelemetryContracts.MainJob;

/// <summary>A child process whose output goes to a log file, killed with its whole tree on dispose.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        this.process = process;
        this.log = log;
    }

    /// <summary>What it is, for messages.</summary>
    public string Name { get; }

    /// <summary>True once it has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/>, writing stdout and stderr to <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(string name, string file, IEnumerable<string> args, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var child = new ChildProcess(name, p, log);
        p.OutputDataReceived += (_, e) => child.Write(e.Data);
        p.ErrorDataReceived += (_, e) => child.Write(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return child;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <inheritdoc />
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
        lock (log)
        {
            log.Dispose();
        }
    }
}
