namespace TelemetryContracts.Cli.Output;

/// <summary>Where a command writes: results to <see cref="Output"/>, chatter and errors to <see cref="Error"/>. Tests inject writers.</summary>
public interface IReporter
{
    /// <summary>Results (what a pipe or a file should receive).</summary>
    TextWriter Output { get; }

    /// <summary>Progress, warnings and usage errors.</summary>
    TextWriter Error { get; }
}

/// <summary>The process's standard output and error.</summary>
public sealed class ConsoleReporter : IReporter
{
    /// <summary>The shared instance.</summary>
    public static ConsoleReporter Instance { get; } = new();

    /// <inheritdoc />
    public TextWriter Output => Console.Out;

    /// <inheritdoc />
    public TextWriter Error => Console.Error;
}

/// <summary>Writers supplied by the caller (tests, the main job).</summary>
public sealed class WriterReporter(TextWriter output, TextWriter error) : IReporter
{
    /// <inheritdoc />
    public TextWriter Output { get; } = output;

    /// <inheritdoc />
    public TextWriter Error { get; } = error;
}
