using System.Diagnostics;

namespace TelemetryContracts.MainJob;

/// <summary>Numbered steps with their duration, so a long run shows where it is.</summary>
public sealed class Progress(int total)
{
    private readonly Stopwatch clock = new();
    private int step;

    /// <summary>Starts the next step.</summary>
    public void Step(string what)
    {
        step++;
        clock.Restart();
        Console.Write($"[{step}/{total}] {what} ");
    }

    /// <summary>Ends the step with a short result.</summary>
    public void Done(string result) => Console.WriteLine($"… {result} ({clock.Elapsed.TotalSeconds:0.0} s)");
}
