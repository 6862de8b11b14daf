using System.Diagnostics;
using TelemetryContracts.TestSupport;

namespace TelemetryContracts.Cli.Tests;

/// <summary>Runs the built <c>telemetry-contracts</c> tool as a separate process, the way users and CI run it.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(params string[] args) => RunIn(RepoPaths.Root, args);

    public static Result RunIn(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "telemetry-contracts.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException("telemetry-contracts did not finish: " + string.Join(' ', args));
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
