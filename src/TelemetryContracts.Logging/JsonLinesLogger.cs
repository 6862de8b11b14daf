using Microsoft.Extensions.Logging;

namespace TelemetryContracts.Logging;

/// <summary>The logger handed out by <see cref="JsonLinesLoggerProvider"/> for one category.</summary>
internal sealed class JsonLinesLogger(string category, JsonLinesLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        provider.Emit(provider.Formatter.Format(category, logLevel, eventId, state, exception, formatter, provider.Scopes));
    }
}
