using System.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Generation.Tests;

/// <summary>Runs the real promtool (Debian's prometheus package) and returns its exit code and output.</summary>
internal static class Promtool
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var binary = PrometheusServer.Promtool;
        Skip.If(binary is null, "promtool is not installed and apt-get could not install it");
        var psi = new ProcessStartInfo(binary!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("promtool did not finish within 60 s");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
