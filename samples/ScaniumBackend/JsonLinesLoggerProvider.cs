using System.Text;
using System.Text.Json;

namespace ScaniumBackend;

/// <summary>
/// Writes one JSON object per entry to stdout with the entry's key/value pairs at the top level, the shape a
/// collector parses with <c>| json</c>: the generated typed logger supplies the stream labels (<c>source</c>,
/// <c>env</c>), the level spelled as the contract declares it, <c>msg</c> and the declared fields.
/// Entries from other loggers get <c>level</c> and <c>msg</c> from Microsoft.Extensions.Logging.
/// </summary>
public sealed class JsonLinesLoggerProvider : ILoggerProvider
{
    private readonly TextWriter output;
    private readonly object gate = new();

    /// <summary>Creates the provider writing to <paramref name="output"/>.</summary>
    public JsonLinesLoggerProvider(TextWriter output) => this.output = output;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new JsonLinesLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private sealed class JsonLinesLogger(JsonLinesLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("time", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                var written = new HashSet<string>(StringComparer.Ordinal) { "time" };
                if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        if (key == "{OriginalFormat}" || !written.Add(key))
                        {
                            continue;
                        }

                        json.WritePropertyName(key);
                        WriteValue(json, value);
                    }
                }

                if (written.Add("level"))
                {
                    json.WriteString("level", logLevel.ToString().ToLowerInvariant());
                }

                if (written.Add("msg"))
                {
                    json.WriteString("msg", formatter(state, exception));
                }

                json.WriteString("logger", category);
                if (exception is not null)
                {
                    json.WriteString("exception", exception.GetType().FullName + ": " + exception.Message);
                }

                json.WriteEndObject();
            }

            provider.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static void WriteValue(Utf8JsonWriter json, object? value)
        {
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case int i: json.WriteNumberValue(i); break;
                case long l: json.WriteNumberValue(l); break;
                case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                default: json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
